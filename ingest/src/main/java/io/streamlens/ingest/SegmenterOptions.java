package io.streamlens.ingest;

/**
 * How a source is cut into segments.
 *
 * @param targetDurationUs a segment is closed at the first keyframe at or after this much video;
 *     sources with sparse keyframes give longer segments
 */
public record SegmenterOptions(long targetDurationUs) {
    public static final SegmenterOptions DEFAULTS = new SegmenterOptions(2_000_000L);

    public SegmenterOptions {
        if (targetDurationUs <= 0) {
            throw new IllegalArgumentException("segment duration must be positive, got " + targetDurationUs + " us");
        }
    }
}
