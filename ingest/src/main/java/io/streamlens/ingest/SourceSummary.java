package io.streamlens.ingest;

import io.streamlens.records.DeadLetterReason;
import java.util.Optional;

/**
 * What a {@link Segmenter} delivered from one source.
 *
 * @param segments how many segments were cut
 * @param videoUs how much video they cover
 * @param problem why the source could not be read whole, if it could not
 */
public record SourceSummary(long segments, long videoUs, Optional<Problem> problem) {

    /** Damage worked around while segmenting: the good parts were still delivered. */
    public record Problem(DeadLetterReason reason, String detail) {
    }
}
