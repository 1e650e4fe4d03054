package io.streamlens.inference.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.inference.RgbImage;
import org.junit.jupiter.api.Test;

class ImageOpsTest {

    @Test
    void keepsAUniformImageUniformAtAnySize() {
        RgbImage orange = RgbImage.filled(37, 23, 250, 120, 10);

        float[] small = ImageOps.resize(orange, 8, 5);
        float[] large = ImageOps.resize(orange, 100, 90);

        for (float[] resized : new float[][] {small, large}) {
            for (int i = 0; i < resized.length; i += 3) {
                assertThat(resized[i]).isCloseTo(250f, within(0.01f));
                assertThat(resized[i + 1]).isCloseTo(120f, within(0.01f));
                assertThat(resized[i + 2]).isCloseTo(10f, within(0.01f));
            }
        }
    }

    @Test
    void averagesFineDetailWhenShrinkingInsteadOfSkippingIt() {
        byte[] stripes = new byte[64 * 64 * 3];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x += 2) {
                int p = (y * 64 + x) * 3;
                stripes[p] = stripes[p + 1] = stripes[p + 2] = (byte) 255;
            }
        }

        float[] shrunk = ImageOps.resize(new RgbImage(64, 64, stripes), 4, 4);

        for (float v : shrunk) {
            assertThat(v).isCloseTo(127.5f, within(12f));
        }
    }

    @Test
    void copiesAFrameOfTheTargetSizeExactly() {
        RgbImage image = new RgbImage(2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 200});

        assertThat(ImageOps.resize(image, 2, 2)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 200);
        assertThat(ImageOps.resize(image, 1, 1, 1, 1, 1, 1)).containsExactly(10, 11, 200);
    }

    @Test
    void writesNormalisedPlanesInBgrOrderIntoAPaddedPlane() {
        float[] hwc = {255, 0, 0, 0, 0, 255};
        Normalization signedBgr = new Normalization(1 / 255f, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}, true);
        float[] planes = new float[3 * 3];

        ImageOps.toChw(hwc, 2, 1, signedBgr, planes, 0, 3, 1);

        // blue plane, green plane, red plane; the third column is padding left at zero
        assertThat(planes).containsExactly(-1, 1, 0, -1, -1, 0, 1, -1, 0);
    }
}
