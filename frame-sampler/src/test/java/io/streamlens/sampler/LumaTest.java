package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LumaTest {
    @Test
    void lumaWeighsGreenMostAndBlueLeast() {
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255};

        byte[] luma = Luma.of(rgb, 4);

        assertThat(luma).containsExactly(76, (byte) 149, 28, (byte) 255);
    }

    @Test
    void differenceIsZeroForTheSamePlaneAndOneForBlackAgainstWhite() {
        byte[] black = new byte[2304];
        byte[] white = new byte[2304];
        java.util.Arrays.fill(white, (byte) 255);

        assertThat(Luma.difference(black, black.clone())).isZero();
        assertThat(Luma.difference(black, white)).isEqualTo(1.0);
        assertThat(Luma.difference(white, black)).isEqualTo(1.0);
    }

    @Test
    void differenceIsTheMeanOverAllPixels() {
        byte[] a = {0, 0, 0, 0};
        byte[] b = {(byte) 255, 51, 0, 0};

        assertThat(Luma.difference(a, b)).isCloseTo((255 + 51) / (4 * 255.0), within(1e-12));
    }

    @Test
    void planesOfDifferentSizesCannotBeCompared() {
        assertThatThrownBy(() -> Luma.difference(new byte[4], new byte[6])).isInstanceOf(IllegalArgumentException.class);
    }
}
