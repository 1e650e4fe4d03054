package io.streamlens.captions.track;

import java.io.Serializable;

/**
 * How the {@link ObjectTracker} links detections into tracks. Defaults ({@link #DEFAULTS}) are
 * declared here once and tuned for sparse sampling (1 fps or less, irregular).
 *
 * @param highScore detections at or above it take part in the first association stage and may
 *     start tracks (ByteTrack's track threshold is 0.5; 0.4 here, see {@link #DEFAULTS})
 * @param lowScore detections from here up to {@code highScore} only keep existing, currently
 *     visible tracks alive (ByteTrack's second stage); below it they are ignored (0.3)
 * @param confirmScore a new track seen this confidently is confirmed at once instead of waiting
 *     for a second sighting; at 1 fps an object may be in view for a single sample only, and a
 *     COCO detector at its top scores is rarely wrong about that. Set above 1 to always require two
 *     sightings (0.7)
 * @param iouGate a detection whose box overlaps a track's predicted box by at least this IoU
 *     matches by overlap (ByteTrack's first stage accepts IoU 0.2; 0.2)
 * @param centreGate below the IoU gate, a detection still matches when its centre lies within this
 *     many box sizes (the longer side of the larger box) of the track's predicted centre. At 1 fps a
 *     walking person moves about half their height between samples and a car its own length, so
 *     overlap alone loses fast movers that the constant-velocity prediction has not caught up
 *     with yet (its first two sightings) (1.0)
 * @param maxAreaRatio a centre-gate match also needs the two boxes' areas within this factor of
 *     each other, so that a small far object is never taken for a large near one; an object
 *     approaching at 1 fps rarely more than doubles its area between samples (4.0)
 * @param lostTimeoutUs a confirmed track unseen for longer than this, counting only time the
 *     detector was looking, ends; seen again within it, it keeps its id (3 s: a person behind a
 *     passing bus, a car behind a pillar)
 */
public record TrackerOptions(float highScore, float lowScore, float confirmScore, double iouGate, double centreGate,
                             double maxAreaRatio, long lostTimeoutUs) implements Serializable {

    /**
     * Scores on NanoDet-g's scale, lower than ByteTrack's detector's: clear objects in real photos
     * score 0.4–0.7 and the detector reports from 0.35 (so 0.35–0.4 is the second stage), and its
     * surest findings top out near 0.7.
     */
    public static final TrackerOptions DEFAULTS = new TrackerOptions(0.4f, 0.3f, 0.7f, 0.2, 1.0, 4.0, 3_000_000);

    public TrackerOptions {
        if (!(lowScore > 0 && lowScore <= highScore && highScore <= 1)) {
            throw new IllegalArgumentException("scores must satisfy 0 < lowScore <= highScore <= 1, got low "
                    + lowScore + ", high " + highScore);
        }
        if (!(confirmScore >= highScore)) {
            throw new IllegalArgumentException("confirmScore must be at least highScore (" + highScore + "), got "
                    + confirmScore + "; set it above 1 to always wait for a second sighting");
        }
        if (!(iouGate > 0 && iouGate <= 1)) {
            throw new IllegalArgumentException("iouGate must be in (0, 1], got " + iouGate);
        }
        if (!(centreGate >= 0)) {
            throw new IllegalArgumentException("centreGate must be at least 0 box sizes (0 turns it off), got " + centreGate);
        }
        if (!(maxAreaRatio >= 1)) {
            throw new IllegalArgumentException("maxAreaRatio must be at least 1, got " + maxAreaRatio);
        }
        if (lostTimeoutUs <= 0) {
            throw new IllegalArgumentException("lostTimeoutUs must be positive, got " + lostTimeoutUs);
        }
    }

    public TrackerOptions withLostTimeoutUs(long value) {
        return new TrackerOptions(highScore, lowScore, confirmScore, iouGate, centreGate, maxAreaRatio, value);
    }

    public TrackerOptions withConfirmScore(float value) {
        return new TrackerOptions(highScore, lowScore, value, iouGate, centreGate, maxAreaRatio, lostTimeoutUs);
    }
}
