package io.streamlens.ingest;

import io.streamlens.records.DeadLetterReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the damage a {@link Segmenter} worked around, for one dead letter per source. */
final class DamageLog {
    private int skippedPackets;
    private long firstSkippedUs = -1;
    private long lastSkippedUs = -1;
    private String stoppedReading;

    void skippedPacket(long atUs) {
        skippedPackets++;
        if (firstSkippedUs < 0) {
            firstSkippedUs = atUs;
        }
        lastSkippedUs = atUs;
    }

    void stoppedReading(long atUs, String error) {
        stoppedReading = String.format("reading stopped at %.1f s after repeated errors: %s", atUs / 1e6, error);
    }

    /** What went wrong, for a person, or empty when nothing did. */
    Optional<SourceSummary.Problem> describe(String truncation) {
        List<String> parts = new ArrayList<>();
        if (skippedPackets > 0) {
            parts.add(String.format("%d damaged packet(s) between %.1f s and %.1f s were skipped",
                    skippedPackets, firstSkippedUs / 1e6, lastSkippedUs / 1e6));
        }
        if (stoppedReading != null) {
            parts.add(stoppedReading);
        }
        if (truncation != null) {
            parts.add(truncation);
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        DeadLetterReason reason = stoppedReading != null || truncation != null ? DeadLetterReason.TRUNCATED : DeadLetterReason.DAMAGED;
        return Optional.of(new SourceSummary.Problem(reason, String.join("; ", parts)));
    }
}
