package io.streamlens.ingest;

import io.streamlens.records.DeadLetterReason;
import java.util.Optional;

/**
 * Whether a segment may go on to decoding, given what was already passed for its stream: its
 * sequence number must grow, and its start time must not go back before the previous segment's.
 * A start that leaps forwards is allowed (a live source may pause); every later stage costs by what
 * it holds, not by how much time passed. Plain Java: the Flink operator keeps the last values in
 * keyed state.
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

    /**
     * The problem with a segment starting at {@code startUs} after one that started at
     * {@code lastStartUs} (-1: none yet), if any: a stream's time never runs backwards.
     */
    public static Optional<Rejection> checkTime(long seq, long startUs, long lastStartUs) {
        if (lastStartUs >= 0 && startUs < lastStartUs) {
            return Optional.of(new Rejection(DeadLetterReason.OUT_OF_ORDER, "segment " + seq + " starts at "
                    + startUs + " us, before the previous segment's start at " + lastStartUs + " us"));
        }
        return Optional.empty();
    }

    public record Rejection(DeadLetterReason reason, String detail) {
    }
}
