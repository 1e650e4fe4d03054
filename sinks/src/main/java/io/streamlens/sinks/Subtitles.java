package io.streamlens.sinks;

import io.streamlens.records.Caption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * WebVTT and SRT files from a stream's captions. Windows overlap (chunks with overlap), but a
 * viewer should see one cue at a time: each cue runs from its window's start until the next
 * window starts (or its own end, if sooner). Text is wrapped for reading.
 */
public final class Subtitles {
    /** The usual broadcast limit for one subtitle line. */
    static final int LINE_LENGTH = 42;

    private Subtitles() {
    }

    /** One cue: its time span and wrapped lines. */
    public record Cue(long startMs, long endMs, List<String> lines) {
    }

    public static List<Cue> cues(List<Caption> captions) {
        List<Caption> ordered = captions.stream().sorted(Comparator.comparingLong(Caption::startMs)).toList();
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Caption c = ordered.get(i);
            long end = i + 1 < ordered.size() ? Math.min(c.endMs(), ordered.get(i + 1).startMs()) : c.endMs();
            if (end > c.startMs() && !c.text().isBlank()) {
                cues.add(new Cue(c.startMs(), end, wrap(c.text(), LINE_LENGTH)));
            }
        }
        return cues;
    }

    public static String webVtt(List<Caption> captions) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (Cue cue : cues(captions)) {
            out.append(time(cue.startMs(), '.')).append(" --> ").append(time(cue.endMs(), '.')).append('\n');
            cue.lines().forEach(line -> out.append(line.replace("-->", "->")).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    public static String srt(List<Caption> captions) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Cue cue : cues(captions)) {
            out.append(n++).append('\n');
            out.append(time(cue.startMs(), ',')).append(" --> ").append(time(cue.endMs(), ',')).append('\n');
            cue.lines().forEach(line -> out.append(line).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /** Greedy word wrap; a word longer than a line is split. Blank lines never appear inside a cue. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            while (word.length() > width) {
                flush(lines, line);
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                flush(lines, line);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        flush(lines, line);
        return lines;
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    static String time(long ms, char fractionSeparator) {
        return String.format("%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, fractionSeparator, ms % 1000);
    }
}
