package io.streamlens.captions.track;

import java.io.Serializable;

/**
 * When a track's boxes in a window count as moving, and which way. Distances are in box sizes (the
 * longer side of the box, averaged over the first and last sighting), so a near and a far object
 * are judged alike and a detector's jitter of a few percent of the box never reads as motion.
 *
 * @param stillDistance every sighting's centre within this many box sizes of the track's mean
 *     centre counts as staying in place (0.2: a standing person sways and the detector's box jitters
 *     by about a tenth of its size)
 * @param stillMinSpanUs staying in place only counts as still over at least this long (2 s: two
 *     samples a second apart are too few to call anything parked)
 * @param moveDistance a centre displacement, first to last sighting, of at least this many box sizes
 *     counts as moving (0.5: half a person's height, a step or two)
 * @param depthScale a box whose sides grew (or shrank) by at least this factor, first to last
 *     sighting, came towards (went away from) the camera (1.3: area up by 70%; walking across the
 *     frame changes a box's size by far less)
 */
public record MotionOptions(double stillDistance, long stillMinSpanUs, double moveDistance, double depthScale)
        implements Serializable {

    public static final MotionOptions DEFAULTS = new MotionOptions(0.2, 2_000_000, 0.5, 1.3);

    public MotionOptions {
        if (!(stillDistance >= 0 && stillDistance < moveDistance)) {
            throw new IllegalArgumentException("need 0 <= stillDistance < moveDistance (box sizes), got " + stillDistance
                    + " and " + moveDistance);
        }
        if (stillMinSpanUs < 0) {
            throw new IllegalArgumentException("stillMinSpanUs must be at least 0, got " + stillMinSpanUs);
        }
        if (!(depthScale > 1)) {
            throw new IllegalArgumentException("depthScale must be above 1, got " + depthScale);
        }
    }
}
