package io.streamlens.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Kafka record of {@code video.segments}: a whole segment ({@code parts == 1}) or one part of a
 * segment that was larger than the topic's message limit. A record whose headers break the
 * contract still becomes a part, with {@code problem} saying what is wrong, so that it can be
 * dead-lettered downstream instead of failing the source.
 */
public record SegmentPart(
        String streamId, long seq, long startUs, String container, boolean last, String source,
        int part, int parts, byte[] bytes, String problem) {

    public SegmentPart {
        problem = problem == null ? "" : problem;
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(bytes, "bytes");
        source = source == null ? "" : source;
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts + " is not a valid part index");
        }
    }

    public static SegmentPart malformed(String streamId, String source, byte[] bytes, String problem) {
        return new SegmentPart(streamId, -1, 0, "unknown", false, source, 0, 1, bytes, problem);
    }

    public boolean isMalformed() {
        return !problem.isEmpty();
    }

    public boolean isWhole() {
        return parts == 1;
    }

    /** The segment this part belongs to, carrying the given (reassembled) bytes, in a container from the allow-list. */
    public VideoSegment toSegment(byte[] segmentBytes, SegmentContainer allowed) {
        return new VideoSegment(streamId, seq, startUs, allowed.header(), last, source, segmentBytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentPart p
                && seq == p.seq && startUs == p.startUs && last == p.last && part == p.part && parts == p.parts
                && streamId.equals(p.streamId) && container.equals(p.container) && source.equals(p.source)
                && problem.equals(p.problem) && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, seq, startUs, container, last, source, part, parts, problem) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SegmentPart[" + streamId + "#" + seq + " part " + part + "/" + parts + ", " + bytes.length + " B]";
    }
}
