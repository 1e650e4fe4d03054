package io.streamlens.compression;

import static io.streamlens.compression.Grids.grid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PixelShuffleTest {

    @Test
    void shuffleLaysEachBlockEndToEndInRasterOrder() {
        // 2x4 grid of two-channel tokens; token (r, c) is (10r + c, -(10r + c)).
        TokenGrid twoByFour = grid(2, 4, 2,
                0, -0, 1, -1, 2, -2, 3, -3,
                10, -10, 11, -11, 12, -12, 13, -13);

        Compressed shuffled = CompressionChain.parse("shuffle:2").run(List.of(twoByFour));

        assertThat(shuffled.tokens().dim()).isEqualTo(8);
        assertThat(shuffled.tokens().frame(0).values()).containsExactly(
                0, -0, 1, -1, 10, -10, 11, -11,
                2, -2, 3, -3, 12, -12, 13, -13);
    }

    @Test
    void shuffleRecordsWhereEachPatchLandsInsideItsWideToken() {
        TokenGrid twoByFour = Grids.random(2, 4, 3, 1, new java.util.SplittableRandom(1));

        Provenance p = CompressionChain.parse("shuffle:2").run(List.of(twoByFour)).provenance();

        int[] token = {0, 0, 1, 1, 0, 0, 1, 1};
        int[] offset = {0, 3, 0, 3, 6, 9, 6, 9};
        for (int i = 0; i < 8; i++) {
            assertThat(p.keptToken(i)).isEqualTo(token[i]);
            assertThat(p.channelOffset(i)).isEqualTo(offset[i]);
        }
    }

    @Test
    void shuffleZeroPadsARaggedBlock() {
        TokenGrid oneByThree = grid(1, 3, 1, 5, 6, 7);

        FrameTokens shuffled = CompressionChain.parse("shuffle:2").run(List.of(oneByThree)).tokens().frame(0);

        assertThat(shuffled.values()).containsExactly(5, 6, 0, 0, 7, 0, 0, 0);
        assertThat(shuffled.sizes()).containsExactly(2, 1);
    }

    @Test
    void shuffleLosesNothing() {
        List<TokenGrid> window = Grids.randomWindow(2, 5, 7, 4, new java.util.SplittableRandom(2));

        Compressed shuffled = CompressionChain.parse("shuffle:2").run(window);

        Fidelity fidelity = Fidelity.measure(window, shuffled);
        assertThat(fidelity.meanCosine()).isEqualTo(1.0);
        assertThat(fidelity.p5Cosine()).isEqualTo(1.0);
        assertThat(shuffled.keptTokens()).isEqualTo(2 * 3 * 4);
    }
}
