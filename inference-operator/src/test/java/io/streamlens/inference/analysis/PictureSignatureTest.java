package io.streamlens.inference.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PictureSignatureTest {
    private static final int W = 640;
    private static final int H = 360;

    private static byte[] grey(int level) {
        byte[] rgb = new byte[W * H * 3];
        java.util.Arrays.fill(rgb, (byte) level);
        return rgb;
    }

    @Test
    void noiseOfAFewLevelsOnEveryPixelBarelyMovesAnyCell() {
        byte[] still = grey(120);
        byte[] noisy = still.clone();
        Random random = new Random(7);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = (byte) (120 + random.nextInt(7) - 3);
        }

        assertThat(PictureSignature.of(noisy, W, H).largestChangeFrom(PictureSignature.of(still, W, H))).isLessThanOrEqualTo(1);
    }

    @Test
    void aWordWrittenInOneCornerChangesThatCellByFarMoreThanNoise() {
        byte[] slide = grey(30);
        byte[] withWord = slide.clone();
        // white strokes over a quarter of one 40×40 cell, as a short word would cover
        for (int y = 10; y < 30; y++) {
            for (int x = 5; x < 25; x++) {
                int at = (y * W + x) * 3;
                withWord[at] = (byte) 255;
                withWord[at + 1] = (byte) 255;
                withWord[at + 2] = (byte) 255;
            }
        }

        assertThat(PictureSignature.of(withWord, W, H).largestChangeFrom(PictureSignature.of(slide, W, H))).isGreaterThan(40);
    }

    @Test
    void framesOfOtherSizesAreNeverTheSamePicture() {
        assertThat(PictureSignature.of(new byte[32 * 18 * 3], 32, 18).largestChangeFrom(PictureSignature.of(grey(0), W, H)))
                .isEqualTo(255);
    }

    @Test
    void pixelsShorterThanTheirSizeAreRefused() {
        assertThatThrownBy(() -> PictureSignature.of(new byte[10], 64, 36)).isInstanceOf(IllegalArgumentException.class);
    }
}
