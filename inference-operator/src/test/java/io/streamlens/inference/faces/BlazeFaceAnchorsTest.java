package io.streamlens.inference.faces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlazeFaceAnchorsTest {

    @Test
    void matchTheModelsTwoOutputSizes() {
        assertThat(BlazeFaceAnchors.perStride()).containsExactly(512, 384);
        assertThat(BlazeFaceAnchors.centres()).hasSize(2 * 896);
    }

    @Test
    void runRowByRowWithTwoAnchorsPerCellAtStride16AndSixAtStride32() {
        float[] c = BlazeFaceAnchors.centres();

        // first cell of the 16×16 grid, twice; then the next cell to the right
        assertThat(new float[] {c[0], c[1], c[2], c[3], c[4], c[5]})
                .containsExactly(0.5f / 16, 0.5f / 16, 0.5f / 16, 0.5f / 16, 1.5f / 16, 0.5f / 16);
        // the 8×8 grid starts at anchor 512, six anchors per cell
        assertThat(c[2 * 512]).isEqualTo(0.5f / 8);
        assertThat(c[2 * 517]).isEqualTo(0.5f / 8);
        assertThat(c[2 * 518]).isEqualTo(1.5f / 8);
        // last anchor: bottom-right cell
        assertThat(c[2 * 895]).isEqualTo(7.5f / 8);
        assertThat(c[2 * 895 + 1]).isEqualTo(7.5f / 8);
    }
}
