package io.streamlens.inference.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * How pixel values become model inputs: {@code (v * rescale - mean[c]) / std[c]} per output
 * channel {@code c}, with the channels in RGB or BGR order.
 *
 * @param rescale factor applied to 0–255 values first (usually 1/255)
 * @param mean per output channel, after rescaling
 * @param std per output channel, non-zero
 * @param bgr whether channel 0 of the model input is blue (models trained on OpenCV images)
 */
public record Normalization(float rescale, float[] mean, float[] std, boolean bgr) {

    public Normalization {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values each");
        }
        for (float s : std) {
            if (s == 0 || !Float.isFinite(s)) {
                throw new IllegalArgumentException("std values must be finite and non-zero: " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Float.compare(rescale, n.rescale) == 0 && bgr == n.bgr
                && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rescale, bgr, Arrays.hashCode(mean), Arrays.hashCode(std));
    }

    @Override
    public String toString() {
        return "Normalization[rescale=" + rescale + ", mean=" + Arrays.toString(mean) + ", std="
                + Arrays.toString(std) + (bgr ? ", BGR]" : ", RGB]");
    }

    /** {@code rescale / std[c]}: with {@link #offset} the normalisation is one multiply-add per value. */
    float scale(int channel) {
        return rescale / std[channel];
    }

    /** {@code mean[c] / std[c]}. */
    float offset(int channel) {
        return mean[channel] / std[channel];
    }
}
