package io.streamlens.records;

import java.util.List;

/**
 * What the detector reported for one sampled frame at {@code ptsUs} (microseconds from the
 * stream's first frame).
 *
 * <p>{@code looked} says whether the detector ran on the frame at all. A frame it did not look at
 * ({@link #notLooked}) tells the tracker nothing: no track is missed, aged, dropped or ended by it,
 * and the time until the next looked frame does not count towards a track's lost timeout. A frame
 * it looked at and found nothing in ({@code seen(pts, List.of())}) is evidence that the objects are
 * gone, and ages every track. This is the house rule: a detector that did not run is never taken to
 * have seen nothing.
 */
public record FrameDetections(long ptsUs, boolean looked, List<Detection> detections) {

    public FrameDetections {
        detections = List.copyOf(detections);
        if (!looked && !detections.isEmpty()) {
            throw new IllegalArgumentException("a frame the detector did not look at cannot have detections (at "
                    + ptsUs + " us)");
        }
    }

    public static FrameDetections seen(long ptsUs, List<Detection> detections) {
        return new FrameDetections(ptsUs, true, detections);
    }

    public static FrameDetections notLooked(long ptsUs) {
        return new FrameDetections(ptsUs, false, List.of());
    }
}
