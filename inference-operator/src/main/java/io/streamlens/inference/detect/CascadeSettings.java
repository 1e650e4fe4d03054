package io.streamlens.inference.detect;

/**
 * How one cascade is run.
 *
 * @param scaleFactor step between the pyramid's scales; 1.1 checks every size within 10 %
 * @param minNeighbours how many overlapping hits a box needs to be kept: the main guard against
 *     false positives
 * @param minHeightFraction smallest object height to look for, as a fraction of the working
 *     frame's shorter side; never below the cascade's own window
 */
public record CascadeSettings(double scaleFactor, int minNeighbours, double minHeightFraction) {

    public CascadeSettings {
        if (!(scaleFactor > 1.0 && scaleFactor <= 2.0)) {
            throw new IllegalArgumentException("scaleFactor must be in (1, 2], not " + scaleFactor);
        }
        if (minNeighbours < 1) {
            throw new IllegalArgumentException("minNeighbours must be at least 1, not " + minNeighbours);
        }
        if (!(minHeightFraction >= 0 && minHeightFraction <= 1)) {
            throw new IllegalArgumentException("minHeightFraction must be in [0, 1], not " + minHeightFraction);
        }
    }
}
