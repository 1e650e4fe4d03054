package io.streamlens.compression;

import static io.streamlens.compression.Grids.grid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityTest {

    @Test
    void aPooledPatchIsComparedWithItsBlockMean() {
        TokenGrid orthogonal = grid(1, 2, 2, 1, 0, 0, 1);

        List<TokenGrid> window = List.of(orthogonal);

        Fidelity fidelity = Fidelity.measure(window, CompressionChain.parse("pool:2").run(window));

        assertThat(fidelity.meanCosine()).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(fidelity.p5Cosine()).isCloseTo(Math.sqrt(0.5), within(1e-6));
    }

    @Test
    void aShuffledThenPooledPatchIsReadFromItsSubVectorOfTheMean() {
        // Shuffle 1x4 (a, b, c, d) into [a, b, 0, 0] and [c, d, 0, 0] (no second row), then pool
        // them into [(a+c)/2, (b+d)/2, 0, 0].
        TokenGrid row = grid(1, 4, 2, 1, 0, 0, 1, 1, 1, 0, 1);

        Compressed compressed = CompressionChain.parse("shuffle:2,pool:2").run(List.of(row));

        assertThat(compressed.tokens().frame(0).values()).containsExactly(1, 0.5f, 0, 1, 0, 0, 0, 0);
        assertThat(Fidelity.cosines(List.of(row), compressed)).containsExactly(
                (float) (1 / Math.sqrt(1.25)),            // (1,0) against (1,0.5)
                1f,                                      // (0,1) against (0,1)
                (float) (1.5 / Math.sqrt(2 * 1.25)),     // (1,1) against (1,0.5)
                1f);                                     // (0,1) against (0,1)
    }

    @Test
    void theFifthPercentileIsTheNearestRankValue() {
        float[] cosines = new float[100];
        for (int i = 0; i < 100; i++) {
            cosines[99 - i] = (i + 1) / 100f;
        }

        Fidelity fidelity = Fidelity.of(cosines);

        assertThat(fidelity.tokens()).isEqualTo(100);
        assertThat(fidelity.p5Cosine()).isEqualTo(0.05f);
        assertThat(fidelity.meanCosine()).isCloseTo(0.505, within(1e-6));
    }
}
