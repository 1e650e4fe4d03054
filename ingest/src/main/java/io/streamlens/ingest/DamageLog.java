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
    private int corruptPackets;
    private long firstCorruptUs = -1;
    private long lastCorruptUs = -1;

    /** A packet the demuxer read but flagged as damaged (lost transport packets, failed checks); it is kept. */
    void corruptPacket(long atUs) {
        corruptPackets++;
        firstCorruptUs = firstCorruptUs < 0 ? atUs : Math.min(firstCorruptUs, atUs);
        lastCorruptUs = Math.max(lastCorruptUs, atUs);
    }

    void skippedPacket(long atUs) {
        skippedPackets++;
        // Packets are read in decode order, and audio is placed at the last video time, so the
        // times seen need not grow: keep the span, not the first and last.
        firstSkippedUs = firstSkippedUs < 0 ? atUs : Math.min(firstSkippedUs, atUs);
        lastSkippedUs = Math.max(lastSkippedUs, atUs);
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
        if (corruptPackets > 0) {
            parts.add(String.format("%d packet(s) between %.1f s and %.1f s arrived damaged; pictures there may show"
                    + " decoding errors", corruptPackets, firstCorruptUs / 1e6, lastCorruptUs / 1e6));
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
