package io.streamlens.events.rules;

import io.streamlens.records.Caption;

/**
 * What a rule looks at: one caption window of a stream, with the end of the stream's window before
 * it (-1 for its first), so that a gap in the stream can count as a missing signal.
 */
public record WindowView(Caption caption, long previousEndMs) {

    public Caption.Evidence evidence() {
        return caption.evidence();
    }

    /** Stream time the window's start lies after the previous window's end (0 when they touch or overlap). */
    public long gapMs() {
        return previousEndMs < 0 ? 0 : Math.max(0, caption.startMs() - previousEndMs);
    }
}
