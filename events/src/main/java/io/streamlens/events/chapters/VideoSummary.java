package io.streamlens.events.chapters;

import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import io.streamlens.records.Durations;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.SpokenWord;
import io.streamlens.records.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A video told so a person can read it in a minute: how long it is, its chapters, who and what was
 * seen when, the text on screen, the start of what was said, and its alerts. Written by
 * {@code annotate} as {@code NAME.summary.md} and {@code NAME.summary.json}.
 *
 * @param seen each object class (and {@code person}) with when it was first and last in view
 * @param textSeen each line of on-screen text with when it first showed
 * @param transcript the first words spoken, with when the first was said (empty: none)
 */
public record VideoSummary(String streamId, long durationMs, List<Summary> chapters, List<Sighting> seen,
                           List<TextSeen> textSeen, String transcript, long transcriptAtMs, List<Alert> alerts) {
    static final int TRANSCRIPT_WORDS = 80;
    static final int TEXT_LINES = 20;

    /** A class of thing in view: first and last seen, and the most distinct ones in a window. */
    public record Sighting(String label, long firstMs, long lastMs, int most) {
    }

    public record TextSeen(String text, long firstMs) {
    }

    /** @param captions the video's captions in time order; @param alerts its alerts, as they stand last */
    public static VideoSummary of(String streamId, List<Caption> captions, List<Alert> alerts) {
        Map<String, Sighting> seen = new LinkedHashMap<>();
        Map<String, TextSeen> text = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        long wordsUntil = -1;
        long firstWordMs = -1;
        for (Caption c : captions) {
            for (ObjectEvidence o : c.evidence().objects().objects()) {
                seen.merge(o.label(), new Sighting(o.label(), o.firstSeenMs(), o.lastSeenMs(), o.count()), VideoSummary::merged);
            }
            if (c.evidence().people().people() > 0 && !seen.containsKey("person")) {
                long at = c.evidence().people().atMs();
                seen.put("person", new Sighting("person", at, at, c.evidence().people().people()));
            }
            for (String line : c.evidence().text()) {
                text.putIfAbsent(line, new TextSeen(line, c.startMs()));
            }
            for (SpokenWord w : c.evidence().speech().words()) {
                if (w.startMs() > wordsUntil && words.size() < TRANSCRIPT_WORDS) {
                    firstWordMs = firstWordMs < 0 ? w.startMs() : firstWordMs;
                    words.add(w.text());
                    wordsUntil = w.startMs();
                }
            }
        }
        long duration = captions.stream().mapToLong(Caption::endMs).max().orElse(0);
        return new VideoSummary(streamId, duration, ChapterSplitter.chapters(captions), List.copyOf(seen.values()),
                text.values().stream().limit(TEXT_LINES).toList(), String.join(" ", words), firstWordMs, alerts);
    }

    /** Text read off a video stays on its line of the summary. */
    private static String line(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static Sighting merged(Sighting a, Sighting b) {
        return new Sighting(a.label(), Math.min(a.firstMs(), b.firstMs()), Math.max(a.lastMs(), b.lastMs()), Math.max(a.most(), b.most()));
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(streamId).append("\n\n");
        md.append(Durations.clock(durationMs)).append(", ").append(chapters.size()).append(chapters.size() == 1 ? " chapter" : " chapters");
        md.append(alerts.isEmpty() ? "" : ", " + alerts.size() + (alerts.size() == 1 ? " alert" : " alerts")).append(".\n\n");
        md.append("## Chapters\n\n");
        for (Summary c : chapters) {
            md.append("- **").append(Durations.clock(c.startMs())).append("–").append(Durations.clock(c.endMs())).append("** ")
                    .append(line(c.title())).append(" — ").append(line(c.text())).append('\n');
        }
        if (!seen.isEmpty()) {
            md.append("\n## Seen\n\n");
            seen.forEach(s -> md.append("- ").append(Findings.counted(s.label(), s.most())).append(": ")
                    .append(Durations.clock(s.firstMs())).append("–").append(Durations.clock(s.lastMs())).append('\n'));
        }
        if (!textSeen.isEmpty()) {
            md.append("\n## Text on screen\n\n");
            textSeen.forEach(t -> md.append("- ").append(Durations.clock(t.firstMs())).append(" \"").append(line(t.text())).append("\"\n"));
        }
        if (!transcript.isEmpty()) {
            md.append("\n## Said\n\n").append(Durations.clock(transcriptAtMs)).append(" \"").append(line(transcript)).append("\"\n");
        }
        if (!alerts.isEmpty()) {
            md.append("\n## Alerts\n\n");
            alerts.forEach(a -> md.append("- ").append(Durations.clock(a.startMs())).append("–")
                    .append(a.open() ? "…" : Durations.clock(a.endMs())).append(' ').append(line(a.text())).append('\n'));
        }
        return md.toString();
    }
}
