package io.streamlens.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * One independently decodable piece of a video stream (MPEG-TS or fragmented MP4, starting at a
 * keyframe), as reassembled from its Kafka parts.
 *
 * @param streamId the stream it belongs to; the Kafka key
 * @param seq 0, 1, 2, … within the stream
 * @param startUs presentation time of its first frame, counted from the first frame of the source
 * @param container the container format FFmpeg should use to read {@code bytes}
 * @param last whether this is the final segment of a finite source
 * @param source where the stream came from (file name or URL), for dead letters and logs
 * @param bytes the segment itself
 */
public record VideoSegment(
        String streamId, long seq, long startUs, String container, boolean last, String source, byte[] bytes) {

    public VideoSegment {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(bytes, "bytes");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, got " + seq);
        }
        source = source == null ? "" : source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoSegment s
                && seq == s.seq && startUs == s.startUs && last == s.last
                && streamId.equals(s.streamId) && container.equals(s.container)
                && source.equals(s.source) && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, seq, startUs, container, last, source) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "VideoSegment[" + streamId + "#" + seq + " @" + startUs + "us, " + bytes.length + " B"
                + (last ? ", last" : "") + "]";
    }
}
