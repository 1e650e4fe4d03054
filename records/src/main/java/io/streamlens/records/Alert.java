package io.streamlens.records;

import java.util.List;
import java.util.Objects;

/**
 * One record of {@code video.alerts}: an episode of a rule holding on a stream. An episode is
 * published twice under the same {@code alertId}: when it opens ({@code state} {@code open},
 * {@code endMs} -1) and when it closes ({@code closed}, with its end), never once per window.
 *
 * @param alertId {@code ruleId/streamId/startMs}: the same episode always gets the same id, so a
 *     consumer can deduplicate and match the close to its open
 * @param startMs when the condition began to hold (start of the first window it held in)
 * @param endMs end of the last window it held in, or -1 while the episode is open
 * @param state {@code open} or {@code closed}
 * @param text what happened, for a person
 * @param evidence the windows that fired it, oldest first (at most {@link #MAX_EVIDENCE})
 */
public record Alert(String alertId, String ruleId, String streamId, long startMs, long endMs, String state, String text,
                    List<Window> evidence) {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    public static final int MAX_EVIDENCE = 8;

    public Alert {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(streamId, "streamId");
        alertId = alertId == null || alertId.isEmpty() ? idOf(ruleId, streamId, startMs) : alertId;
        state = state == null ? OPEN : state;
        text = text == null ? "" : text;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static String idOf(String ruleId, String streamId, long startMs) {
        return ruleId + "/" + streamId + "/" + startMs;
    }

    public boolean open() {
        return OPEN.equals(state);
    }

    /**
     * A window the rule held in.
     *
     * @param found what the rule saw there ({@code 2 cats}, {@code text "PLATFORM 12"} …)
     * @param caption the window's caption
     */
    public record Window(String captionId, long startMs, long endMs, String found, String caption) {
    }
}
