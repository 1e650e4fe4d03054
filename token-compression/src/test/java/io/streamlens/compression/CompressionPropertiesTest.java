package io.streamlens.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties every chain keeps, over random windows of random shapes. */
class CompressionPropertiesTest {

    private static final int TRIALS = 25;

    @ParameterizedTest
    @ValueSource(strings = {
            "", "pool:2", "pool:3:max", "shuffle:2", "temporal:0.5", "merge:5", "merge:5:exact", "budget:17",
            "pool:2,temporal:0.3", "shuffle:2,merge:3", "pool:2,temporal:0.2,budget:9",
            "pool:2,shuffle:2,merge:2,budget:4"})
    void everyChainKeepsValidUniquePositionsAndAccountsForEveryPatch(String spec) {
        CompressionChain chain = CompressionChain.parse(spec);
        SplittableRandom random = new SplittableRandom(spec.hashCode());
        for (int trial = 0; trial < TRIALS; trial++) {
            List<TokenGrid> window = Grids.randomWindow(1 + random.nextInt(5), 1 + random.nextInt(7),
                    1 + random.nextInt(7), 1 + random.nextInt(4), random);
            int raw = window.size() * window.get(0).tokenCount();

            Compressed compressed = chain.run(window);
            KeptTokens visual = compressed.toVisualTokens("cam", 0, 4000);

            assertThat(visual.rawTokens()).isEqualTo(raw);
            assertThat(visual.keptTokens()).isBetween(1, raw);
            assertThat(visual.reduction()).isEqualTo(1 - (double) visual.keptTokens() / raw);
            assertPositionsValidAndUniquePerFrame(visual);
            assertSizesCountThePatchesEachTokenStandsFor(compressed, visual);
            if (visual.keptTokens() == raw) {
                assertThat(Fidelity.measure(window, compressed).meanCosine()).as("nothing dropped").isEqualTo(1.0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "temporal:1.0", "merge:1000", "budget:100000", "pool:1", "shuffle:1", "merge:1000,budget:100000"})
    void aChainThatDropsNothingReconstructsEveryPatchExactly(String spec) {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<TokenGrid> window = Grids.randomWindow(1 + random.nextInt(4), 1 + random.nextInt(6),
                    1 + random.nextInt(6), 2 + random.nextInt(6), random); // random tokens never repeat

            Compressed compressed = CompressionChain.parse(spec).run(window);

            assertThat(compressed.reduction()).isZero();
            Fidelity fidelity = Fidelity.measure(window, compressed);
            assertThat(fidelity.meanCosine()).isEqualTo(1.0);
            assertThat(fidelity.p5Cosine()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"merge:3", "budget:10", "pool:2", "pool:2:max"})
    void fidelityFallsWhenTokensAreDroppedFromUnrelatedContent(String spec) {
        SplittableRandom random = new SplittableRandom(13);
        List<TokenGrid> window = Grids.randomWindow(3, 6, 6, 64, random); // 64-d Gaussians are near-orthogonal

        Compressed compressed = CompressionChain.parse(spec).run(window);

        assertThat(compressed.reduction()).isGreaterThan(0.5);
        assertThat(Fidelity.measure(window, compressed).meanCosine()).isLessThan(0.9);
    }

    private static void assertPositionsValidAndUniquePerFrame(KeptTokens visual) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < visual.keptTokens(); i++) {
            assertThat(visual.rows()[i]).isBetween(0, visual.gridRows() - 1);
            assertThat(visual.cols()[i]).isBetween(0, visual.gridCols() - 1);
            assertThat(visual.rows()[i] % visual.cellSize()).isZero();
            assertThat(visual.cols()[i] % visual.cellSize()).isZero();
            long key = ((long) visual.frames()[i] << 40) | ((long) visual.rows()[i] << 20) | visual.cols()[i];
            assertThat(seen.add(key)).as("token %d is the only one at its frame and position", i).isTrue();
        }
    }

    private static void assertSizesCountThePatchesEachTokenStandsFor(Compressed compressed, KeptTokens visual) {
        int[] counted = new int[visual.keptTokens()];
        for (int i = 0; i < compressed.rawTokens(); i++) {
            counted[compressed.provenance().keptToken(i)]++;
        }
        assertThat(visual.sizes()).containsExactly(counted);
        for (int i = 0; i < compressed.rawTokens(); i++) {
            assertThat(compressed.provenance().channelOffset(i)).isBetween(0, visual.dim() - 1);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.6, 0.9})
    void temporalPruningNeverReconstructsAPatchWorseThanItsThreshold(double threshold) {
        SplittableRandom random = new SplittableRandom(14);
        List<TokenGrid> window = Grids.randomWindow(5, 5, 5, 2, random); // 2-d tokens: some cells repeat

        Compressed compressed = CompressionChain.parse("temporal:" + threshold).run(window);

        assertThat(compressed.reduction()).isGreaterThan(0);
        for (float cosine : Fidelity.cosines(window, compressed)) {
            assertThat((double) cosine).isGreaterThanOrEqualTo(threshold - 1e-6);
        }
    }
}
