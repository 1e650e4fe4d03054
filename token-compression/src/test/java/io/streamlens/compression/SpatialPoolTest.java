package io.streamlens.compression;

import static io.streamlens.compression.Grids.grid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpatialPoolTest {

    private static final SpatialPool AVERAGE_2 = new SpatialPool(2, SpatialPool.Mode.AVERAGE);
    private static final SpatialPool MAX_2 = new SpatialPool(2, SpatialPool.Mode.MAX);

    // A 4x4 grid of one-channel tokens numbered 0..15 in raster order.
    private static final TokenGrid NUMBERED_4X4 = grid(4, 4, 1,
            0, 1, 2, 3,
            4, 5, 6, 7,
            8, 9, 10, 11,
            12, 13, 14, 15);

    @Test
    void poolingAveragesEachTwoByTwoBlock() {
        Compressed pooled = CompressionChain.of(AVERAGE_2).run(List.of(NUMBERED_4X4));

        assertThat(pooled.tokens().grid().rows()).isEqualTo(2);
        assertThat(pooled.tokens().grid().cols()).isEqualTo(2);
        assertThat(pooled.tokens().frame(0).values()).containsExactly(
                (0 + 1 + 4 + 5) / 4f, (2 + 3 + 6 + 7) / 4f,
                (8 + 9 + 12 + 13) / 4f, (10 + 11 + 14 + 15) / 4f);
        assertThat(pooled.tokens().frame(0).sizes()).containsExactly(4, 4, 4, 4);
    }

    @Test
    void poolingAveragesARaggedEdgeOverTheCellsItHas() {
        TokenGrid threeByThree = grid(3, 3, 2,
                1, 10, 2, 20, 3, 30,
                4, 40, 5, 50, 6, 60,
                7, 70, 8, 80, 9, 90);

        FrameTokens pooled = CompressionChain.of(AVERAGE_2).run(List.of(threeByThree)).tokens().frame(0);

        assertThat(pooled.values()).containsExactly(
                3, 30, 4.5f, 45,   // (1+2+4+5)/4, then (3+6)/2
                7.5f, 75, 9, 90);  // (7+8)/2, then 9 alone
        assertThat(pooled.sizes()).containsExactly(4, 2, 2, 1);
    }

    @Test
    void maxPoolingKeepsTheLargestValueOfEachChannel() {
        TokenGrid negatives = grid(2, 3, 2,
                -5, -1, -2, -9, -7, -3,
                -4, -6, -8, -2, -1, -8);

        FrameTokens pooled = CompressionChain.of(MAX_2).run(List.of(negatives)).tokens().frame(0);

        assertThat(pooled.values()).containsExactly(-2, -1, -1, -3);
    }

    @Test
    void poolingMapsEveryPatchToTheTokenOfItsBlock() {
        Compressed pooled = CompressionChain.of(AVERAGE_2).run(List.of(NUMBERED_4X4, NUMBERED_4X4));

        int[] expected = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3};
        for (int i = 0; i < 16; i++) {
            assertThat(pooled.provenance().keptToken(i)).isEqualTo(expected[i]);
            assertThat(pooled.provenance().keptToken(16 + i)).isEqualTo(4 + expected[i]);
        }
    }

    @Test
    void poolingTwiceEqualsPoolingOnceByTheProductOfStrides() {
        TokenGrid fiveByFive = Grids.random(5, 5, 3, 1, new java.util.SplittableRandom(5));

        Compressed twice = CompressionChain.parse("pool:2,pool:2").run(List.of(fiveByFive));
        Compressed once = CompressionChain.parse("pool:4").run(List.of(fiveByFive));

        assertThat(twice.tokens().grid()).isEqualTo(once.tokens().grid());
        assertThat(twice.tokens().frame(0).sizes()).containsExactly(once.tokens().frame(0).sizes());
    }

    @Test
    void poolingRefusesAGridThatLostTokens() {
        Tokens pruned = new TemporalPrune(0.9).apply(Tokens.of(List.of(NUMBERED_4X4, NUMBERED_4X4))).output();

        assertThatThrownBy(() -> AVERAGE_2.apply(pruned))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pool:2 needs every cell");
    }
}
