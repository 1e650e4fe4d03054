package io.streamlens.records;

import java.util.List;
import java.util.Objects;

/**
 * A {@link SampledSegment} after the models have looked at its frames: the per-stream progress
 * marker that the caption windows are built from.
 *
 * @param failures why a model could not look at some frame (those frames carry no findings)
 */
public record AnalysedSegment(String streamId, long seq, long startUs, long endUs, boolean last, String source,
                              List<FrameAnalysis> frames, List<String> failures) {

    public AnalysedSegment {
        Objects.requireNonNull(streamId, "streamId");
        frames = List.copyOf(frames);
        failures = failures == null ? List.of() : List.copyOf(failures);
        source = source == null ? "" : source;
    }

    public static AnalysedSegment of(SampledSegment segment, List<FrameAnalysis> frames, List<String> failures) {
        return new AnalysedSegment(segment.streamId(), segment.seq(), segment.startUs(), segment.endUs(),
                segment.last(), segment.source(), frames, failures);
    }
}
