package io.streamlens.records;

import java.util.List;
import java.util.Objects;

/**
 * One record of {@code video.summaries}: a stretch of a stream told in a few words, a chapter or a
 * rolling summary of the last minutes of a live stream.
 *
 * @param kind {@code chapter} or {@code rolling}
 * @param title a short title built from what was found
 * @param text a few sentences: who and what was seen, text on screen, words spoken, alerts
 * @param evidence the windows it rests on, as time ranges with their captions
 */
public record Summary(String streamId, String kind, long startMs, long endMs, String title, String text,
                      List<Answer.Span> evidence) {
    public static final String CHAPTER = "chapter";
    public static final String ROLLING = "rolling";

    public Summary {
        Objects.requireNonNull(streamId, "streamId");
        kind = kind == null ? CHAPTER : kind;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
