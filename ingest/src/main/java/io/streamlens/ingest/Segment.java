package io.streamlens.ingest;

/**
 * One keyframe-aligned segment as cut by the {@link Segmenter}, before it is addressed to a stream.
 *
 * @param seq 0, 1, 2, … within the source
 * @param startUs presentation time of its first frame, counted from the source's first frame
 * @param durationUs how much video it covers
 * @param last whether the source ended with it
 * @param container the container of {@code bytes} ({@code mpegts})
 * @param bytes the independently decodable segment
 */
public record Segment(long seq, long startUs, long durationUs, boolean last, String container, byte[] bytes) {
}
