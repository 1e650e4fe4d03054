package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ColorHistogramTest {
    static byte[] solid(int pixels, int r, int g, int b) {
        byte[] rgb = new byte[pixels * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return rgb;
    }

    @Test
    void identicalFramesAreAtDistanceZeroAndDisjointColoursAtOne() {
        float[] red = ColorHistogram.of(solid(100, 255, 0, 0), 100);
        float[] blue = ColorHistogram.of(solid(100, 0, 0, 255), 100);
        assertThat(ColorHistogram.distance(red, red)).isZero();
        assertThat(ColorHistogram.distance(red, blue)).isEqualTo(1.0, within(1e-6));
    }

    @Test
    void halfTheFrameChangingIsHalfTheDistance() {
        byte[] half = solid(100, 255, 0, 0);
        System.arraycopy(solid(50, 0, 0, 255), 0, half, 0, 150);
        assertThat(ColorHistogram.distance(ColorHistogram.of(half, 100), ColorHistogram.of(solid(100, 255, 0, 0), 100)))
                .isEqualTo(0.5, within(1e-6));
    }
}
