package io.streamlens.compression;

import static io.streamlens.compression.Grids.grid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimilarityMergeTest {

    // A = {t0, t2}, B = {t1, t3}; t0 matches t1 (cos 0.995), t2 matches t3 (cos 0.958).
    private static final TokenGrid FOUR_IN_A_ROW = grid(1, 4, 2,
            1, 0,
            1, 0.1f,
            0, 1,
            0.3f, 1);

    @ParameterizedTest
    @ValueSource(strings = {"merge:2", "merge:2:exact"})
    void mergeAveragesEachATokenIntoItsMostSimilarBToken(String chain) {
        Compressed merged = CompressionChain.parse(chain).run(List.of(FOUR_IN_A_ROW));

        FrameTokens frame = merged.tokens().frame(0);
        assertThat(frame.cells()).as("merged tokens keep their B token's cell").containsExactly(1, 3);
        assertThat(frame.values()).containsExactly(1, 0.05f, 0.15f, 1);
        assertThat(frame.sizes()).containsExactly(2, 2);
        assertThat(IntStream.range(0, 4).map(merged.provenance()::keptToken)).containsExactly(0, 0, 1, 1);
    }

    @Test
    void mergeTakesOnlyTheBestEdgesItNeeds() {
        FrameTokens frame = CompressionChain.parse("merge:3").run(List.of(FOUR_IN_A_ROW)).tokens().frame(0);

        assertThat(frame.cells()).containsExactly(1, 2, 3);
        assertThat(frame.values()).containsExactly(1, 0.05f, 0, 1, 0.3f, 1);
    }

    @Test
    void mergeWeighsTokensByHowManyTheyStandFor() {
        // After pool:2 on a 1x3 grid, the first token stands for 2 patches, the second for 1.
        TokenGrid row = grid(1, 3, 2, 1, 0, 1, 0, 0, 1);

        FrameTokens frame = CompressionChain.parse("pool:2,merge:1").run(List.of(row)).tokens().frame(0);

        assertThat(frame.values()[0]).isCloseTo(2 / 3f, within(1e-6f));
        assertThat(frame.values()[1]).isCloseTo(1 / 3f, within(1e-6f));
        assertThat(frame.sizes()).containsExactly(3);
    }

    @Test
    void aMergedTokenIsTheMeanOfEveryPatchItAbsorbed() {
        SplittableRandom random = new SplittableRandom(6);
        for (String matching : List.of("sketch", "exact")) {
            List<TokenGrid> window = Grids.randomWindow(2, 9, 11, 5, random);

            Compressed merged = CompressionChain.parse("merge:7:" + matching).run(window);

            assertThat(merged.tokens().frames()).extracting(FrameTokens::count).containsExactly(7, 7);
            int dim = 5;
            float[][] sums = new float[merged.keptTokens()][dim];
            int[] counts = new int[merged.keptTokens()];
            int i = 0;
            for (TokenGrid grid : window) {
                for (int t = 0; t < grid.tokenCount(); t++, i++) {
                    int k = merged.provenance().keptToken(i);
                    counts[k]++;
                    for (int j = 0; j < dim; j++) {
                        sums[k][j] += grid.values()[t * dim + j];
                    }
                }
            }
            for (int k = 0; k < merged.keptTokens(); k++) {
                float[] kept = Grids.kept(merged, k);
                for (int j = 0; j < dim; j++) {
                    assertThat(kept[j]).isCloseTo(sums[k][j] / counts[k], within(1e-4f));
                }
                int f = k < 7 ? 0 : 1;
                assertThat(merged.tokens().frame(f).sizes()[k - 7 * f]).isEqualTo(counts[k]);
            }
        }
    }

    @Test
    void aFrameAlreadyWithinTheTargetPassesThroughUntouched() {
        TokenGrid small = Grids.random(2, 3, 4, 1, new SplittableRandom(7));

        Compressed merged = CompressionChain.parse("merge:6").run(List.of(small));

        assertThat(merged.tokens().frame(0).values()).isSameAs(small.values());
        assertThat(Fidelity.measure(List.of(small), merged).meanCosine()).isEqualTo(1.0);
    }

    @Test
    void mergingFollowsContentWherePoolingCutsAcrossIt() {
        // Two regions split between columns 4 and 5, so every 2x2 pooling block in columns 4-5 mixes
        // them; merging to the same 24 tokens should keep them apart.
        int rows = 8;
        int cols = 12;
        float[] values = new float[rows * cols * 3];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int o = (r * cols + c) * 3;
                values[o + (c < 5 ? 0 : 1)] = 1;
                values[o + 2] = 0.025f * (r + c);
            }
        }
        List<TokenGrid> split = List.of(grid(rows, cols, 3, values));

        Compressed merged = CompressionChain.parse("merge:24").run(split);
        Compressed pooled = CompressionChain.parse("pool:2").run(split);

        assertThat(merged.keptTokens()).isEqualTo(pooled.keptTokens());
        assertThat(Fidelity.measure(split, pooled).p5Cosine()).isLessThan(0.75);
        assertThat(Fidelity.measure(split, merged).p5Cosine()).isGreaterThan(0.99);
    }

    @Test
    void sketchedMatchingKeepsAboutAsMuchAsExactMatching() {
        List<TokenGrid> frames = SyntheticGrids.staticCamera(20, 20, 96, 2, 5);

        Fidelity sketched = Fidelity.measure(frames, CompressionChain.parse("merge:50").run(frames));
        Fidelity exact = Fidelity.measure(frames, CompressionChain.parse("merge:50:exact").run(frames));

        // Measured 0.869 against 0.866; taking a worse shortlisted partner costs about 0.1.
        assertThat(sketched.meanCosine()).isCloseTo(exact.meanCosine(), within(0.02));
        assertThat(sketched.p5Cosine()).isCloseTo(exact.p5Cosine(), within(0.05));
    }

    @Test
    void blankPatchesMergeWithBlankPatches() {
        // Black patches scaled to [0, 1] are zero vectors: their sketches say nothing, but exact
        // cosine counts two of them as identical, so they should find each other.
        SplittableRandom random = new SplittableRandom(15);
        TokenGrid mixed = Grids.random(16, 16, 24, 1, random);
        for (int t = 0; t < mixed.tokenCount(); t++) {
            if (random.nextInt(3) == 0) {
                java.util.Arrays.fill(mixed.values(), t * 24, (t + 1) * 24, 0f);
            }
        }
        List<TokenGrid> window = List.of(mixed);

        float[] cosines = Fidelity.cosines(window, CompressionChain.parse("merge:24").run(window));

        for (int t = 0; t < mixed.tokenCount(); t++) {
            if (Vectors.squaredNorm(mixed.values(), t * 24, 24) == 0) {
                assertThat(cosines[t]).as("blank token %d stands on a blank token", t).isEqualTo(1f);
            }
        }
    }
}
