package io.streamlens.sinks;

import io.streamlens.records.Caption;
import io.streamlens.records.SpokenWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * WebVTT and SRT files from a stream's captions, of what was seen ({@link Kind#SCENE}), what was
 * said ({@link Kind#SPEECH}) or both. Scene cues: windows overlap (chunks with overlap), but a
 * viewer should see one cue at a time, so each runs from its window's start until the next window
 * starts (or its own end, if sooner). Speech cues are timed by the words themselves: a cue holds
 * a phrase, broken at pauses and at two lines' length. Text is wrapped for reading.
 */
public final class Subtitles {
    /** The usual broadcast limit for one subtitle line. */
    static final int LINE_LENGTH = 42;
    /** A pause this long between words starts a new speech cue. */
    static final long PHRASE_PAUSE_MS = 700;
    /** A speech cue stays up at least this long, so that a single word can be read. */
    static final long MIN_SPEECH_CUE_MS = 800;

    private Subtitles() {
    }

    /** Which subtitles to write ({@code --subtitles}). */
    public enum Kind { SCENE, SPEECH, BOTH }

    /** One cue: its time span and wrapped lines. */
    public record Cue(long startMs, long endMs, List<String> lines) {
    }

    public static List<Cue> cues(List<Caption> captions, Kind kind) {
        List<Cue> cues = new ArrayList<>();
        if (kind != Kind.SPEECH) {
            cues.addAll(cues(captions));
        }
        if (kind != Kind.SCENE) {
            cues.addAll(speechCues(captions));
        }
        cues.sort(Comparator.comparingLong(Cue::startMs));
        return cues;
    }

    /**
     * Cues of the words spoken. Overlapping windows carry the same word twice; each word is kept
     * once, by its start time.
     */
    public static List<Cue> speechCues(List<Caption> captions) {
        Map<Long, SpokenWord> words = new TreeMap<>();
        captions.forEach(c -> c.evidence().speech().words().forEach(w -> words.putIfAbsent(w.startMs(), w)));
        List<Cue> cues = new ArrayList<>();
        List<SpokenWord> phrase = new ArrayList<>();
        for (SpokenWord word : words.values()) {
            if (!phrase.isEmpty() && (word.startMs() - phrase.get(phrase.size() - 1).endMs() > PHRASE_PAUSE_MS
                    || length(phrase) + 1 + word.text().length() > 2 * LINE_LENGTH)) {
                cues.add(speechCue(phrase));
                phrase.clear();
            }
            phrase.add(word);
        }
        if (!phrase.isEmpty()) {
            cues.add(speechCue(phrase));
        }
        return cues;
    }

    private static Cue speechCue(List<SpokenWord> phrase) {
        long start = phrase.get(0).startMs();
        long end = Math.max(phrase.get(phrase.size() - 1).endMs(), start + MIN_SPEECH_CUE_MS);
        return new Cue(start, end, wrap(String.join(" ", phrase.stream().map(SpokenWord::text).toList()), LINE_LENGTH));
    }

    private static int length(List<SpokenWord> phrase) {
        return phrase.stream().mapToInt(w -> w.text().length() + 1).sum();
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
        return webVtt(captions, Kind.SCENE);
    }

    public static String webVtt(List<Caption> captions, Kind kind) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (Cue cue : cues(captions, kind)) {
            out.append(time(cue.startMs(), '.')).append(" --> ").append(time(cue.endMs(), '.')).append('\n');
            cue.lines().forEach(line -> out.append(line.replace("-->", "->")).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A WebVTT chapter track ({@code <track kind="chapters">}): one numbered cue per chapter with its
     * title, chapters touching end to start as players expect.
     */
    public static String webVttChapters(List<io.streamlens.records.Summary> chapters) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        int n = 1;
        for (io.streamlens.records.Summary chapter : chapters) {
            out.append(n++).append('\n');
            out.append(time(chapter.startMs(), '.')).append(" --> ").append(time(chapter.endMs(), '.')).append('\n');
            out.append(chapter.title().replace("-->", "->").replace('\n', ' ')).append("\n\n");
        }
        return out.toString();
    }

    public static String srt(List<Caption> captions) {
        return srt(captions, Kind.SCENE);
    }

    public static String srt(List<Caption> captions, Kind kind) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Cue cue : cues(captions, kind)) {
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
