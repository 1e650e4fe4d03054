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
 * @param arrivedAtMs when the segment reached Kafka (its record's timestamp, epoch ms), from which
 *     a live job sees how far behind its streams it runs; {@link #ARRIVAL_UNKNOWN} when not known
 * @param shedBetweenKeyframes whether a live job running behind its streams decoded only the
 *     segment's keyframes, so its frames were sampled from those alone, or did not decode it at all
 */
public record SampledSegment(String streamId, long seq, long startUs, long endUs, boolean last, String source,
                             List<SampledFrame> frames, long arrivedAtMs, boolean shedBetweenKeyframes) {
    /** {@link #arrivedAtMs} of a segment that came without a timestamp (tests, files read directly). */
    public static final long ARRIVAL_UNKNOWN = -1;

    public SampledSegment {
        Objects.requireNonNull(streamId, "streamId");
        frames = List.copyOf(frames);
        source = source == null ? "" : source;
        if (endUs < startUs) {
            throw new IllegalArgumentException("segment ends (" + endUs + " us) before it starts (" + startUs + " us)");
        }
    }

    /** A segment whose arrival is not known. */
    public SampledSegment(String streamId, long seq, long startUs, long endUs, boolean last, String source,
                          List<SampledFrame> frames) {
        this(streamId, seq, startUs, endUs, last, source, frames, ARRIVAL_UNKNOWN, false);
    }

    /** The same segment with other frames (a subset of its own). */
    public SampledSegment withFrames(List<SampledFrame> value) {
        return new SampledSegment(streamId, seq, startUs, endUs, last, source, value, arrivedAtMs, shedBetweenKeyframes);
    }
}
