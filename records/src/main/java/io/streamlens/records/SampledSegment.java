package io.streamlens.records;

import java.util.List;
import java.util.Objects;

/**
 * What sampling one segment produced: its sampled frames (possibly none) and how far the stream's
 * video time has got. Downstream operators learn each stream's progress and end from these, even
 * when a segment yields no sample, so windows can close without global watermarks.
 *
 * @param streamId the stream
 * @param seq the segment's sequence number
 * @param startUs time of the segment's first frame
 * @param endUs time just after its last frame
 * @param last whether the stream ended with this segment
 * @param source where the stream came from
 * @param frames the sampled frames, in presentation order
 */
public record SampledSegment(String streamId, long seq, long startUs, long endUs, boolean last, String source,
                             List<SampledFrame> frames) {

    public SampledSegment {
        Objects.requireNonNull(streamId, "streamId");
        frames = List.copyOf(frames);
        source = source == null ? "" : source;
        if (endUs < startUs) {
            throw new IllegalArgumentException("segment ends (" + endUs + " us) before it starts (" + startUs + " us)");
        }
    }
}
