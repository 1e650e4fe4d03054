package io.streamlens.inference.objects;

import io.streamlens.records.Detection;
import java.io.Serializable;

/**
 * What counts as a detection.
 *
 * @param minScore class scores (already sigmoid) below this are dropped; 0.35–0.4 keeps NanoDet's
 *        confident objects without the many weak duplicates below
 * @param maxOverlap boxes overlapping a better one by more intersection-over-union than this are
 *        dropped, whatever their class: NanoDet often gives one object two classes (car and truck)
 * @param maxDetections at most this many objects per frame, best first
 */
public record DetectionOptions(float minScore, float maxOverlap, int maxDetections) implements Serializable {

    public static final DetectionOptions DEFAULTS = new DetectionOptions(0.35f, 0.5f, 20);

    public DetectionOptions {
        if (!(minScore > 0 && minScore < 1)) {
            throw new IllegalArgumentException("minScore must be in (0, 1): " + minScore);
        }
        if (!(maxOverlap > 0 && maxOverlap <= 1)) {
            throw new IllegalArgumentException("maxOverlap must be in (0, 1]: " + maxOverlap);
        }
        if (maxDetections < 1) {
            throw new IllegalArgumentException("maxDetections must be at least 1: " + maxDetections);
        }
    }

    public DetectionOptions withMinScore(float score) {
        return new DetectionOptions(score, maxOverlap, maxDetections);
    }
}
