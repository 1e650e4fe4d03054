package io.streamlens.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.compression.TokenGrid;
import org.junit.jupiter.api.Test;

class PatchTokensTest {

    @Test
    void eachPatchBecomesOneTokenOfItsPixelsRowByRow() {
        // 5x4 pixels with 2-pixel patches: a 2x2 grid; the last pixel column is left over.
        int width = 5;
        int height = 4;
        byte[] rgb = new byte[width * height * 3];
        rgb[(1 * width + 3) * 3 + 2] = (byte) 255; // blue at x=3, y=1: patch (0, 1), its 2nd row, 2nd pixel

        TokenGrid grid = PatchTokens.fromRgb(rgb, width, height, 40_000, 0.25, 2);

        assertThat(grid.rows()).isEqualTo(2);
        assertThat(grid.cols()).isEqualTo(2);
        assertThat(grid.dim()).isEqualTo(12);
        assertThat(grid.ptsUs()).isEqualTo(40_000);
        assertThat(grid.novelty()).isEqualTo(0.25);
        float black = -0.40821073f / 0.27577711f;
        float blue = (1 - 0.40821073f) / 0.27577711f;
        int token = 1;
        int channel = (1 * 2 + 1) * 3 + 2;
        assertThat(grid.values()[token * 12 + channel]).isCloseTo(blue, within(1e-5f));
        assertThat(grid.values()[token * 12 + channel - 3]).isCloseTo(black, within(1e-5f));
    }

    @Test
    void unitScalingKeepsPixelsInZeroToOne() {
        byte[] rgb = {0, (byte) 255, (byte) 51, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        TokenGrid grid = PatchTokens.fromRgb(rgb, 2, 2, 0, 1, 2, PatchTokens.Scale.UNIT);

        assertThat(grid.values()).hasSize(12);
        assertThat(grid.values()[0]).isZero();
        assertThat(grid.values()[1]).isEqualTo(1f);
        assertThat(grid.values()[2]).isCloseTo(0.2f, within(1e-6f));
    }

    @Test
    void fourteenPixelPatchesMakeViTInputTokens() {
        TokenGrid grid = PatchTokens.fromRgb(new byte[336 * 336 * 3], 336, 336, 0, 1, 14);

        assertThat(grid.rows()).isEqualTo(24);
        assertThat(grid.dim()).isEqualTo(588);
    }

    @Test
    void refusesAFrameSmallerThanOnePatch() {
        assertThatThrownBy(() -> PatchTokens.fromRgb(new byte[10 * 10 * 3], 10, 10, 0, 1, 14))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
