package io.streamlens.ingest;

import io.streamlens.records.DeadLetterReason;
import java.util.Optional;

/**
 * Whether a segment may go on to decoding, given the highest sequence number already passed for
 * its stream. Plain Java: the Flink operator keeps {@code lastSeq} in keyed state.
 */
public final class SegmentSequence {
    private SegmentSequence() {
    }

    /** The problem with segment {@code seq} after {@code lastSeq} (-1: none yet), if any. */
    public static Optional<Rejection> check(long seq, long lastSeq) {
        if (seq == lastSeq) {
            return Optional.of(new Rejection(DeadLetterReason.DUPLICATE, "segment " + seq + " was already processed"));
        }
        if (seq < lastSeq) {
            return Optional.of(new Rejection(DeadLetterReason.OUT_OF_ORDER,
                    "segment " + seq + " arrived after segment " + lastSeq + " was already processed"));
        }
        return Optional.empty();
    }

    public record Rejection(DeadLetterReason reason, String detail) {
    }
}
