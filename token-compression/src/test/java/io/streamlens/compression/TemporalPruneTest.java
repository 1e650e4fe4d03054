package io.streamlens.compression;

import static io.streamlens.compression.Grids.grid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemporalPruneTest {

    private static final CompressionChain TEMPORAL_09 = CompressionChain.parse("temporal:0.9");

    /** A two-channel token at {@code degrees} from the x axis. */
    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    private static TokenGrid oneByTwo(float[] left, float[] right) {
        return grid(1, 2, 2, left[0], left[1], right[0], right[1]);
    }

    @Test
    void temporalDropsATokenTooSimilarToTheOneKeptAtItsCell() {
        List<TokenGrid> window = List.of(
                oneByTwo(at(0), at(90)),
                oneByTwo(at(10), at(0)));   // cos 10° = 0.985 ≥ 0.9: dropped; cos 90° = 0: kept

        Compressed pruned = TEMPORAL_09.run(window);

        assertThat(pruned.tokens().frame(0).cells()).containsExactly(0, 1);
        assertThat(pruned.tokens().frame(1).cells()).containsExactly(1);
        assertThat(pruned.tokens().frame(1).values()).containsExactly(at(0));
        assertThat(pruned.provenance().keptToken(2)).as("dropped token stands on frame 0's cell 0").isEqualTo(0);
        assertThat(pruned.provenance().keptToken(3)).isEqualTo(2);
        assertThat(pruned.tokens().frame(0).sizes()).containsExactly(2, 1);
    }

    @Test
    void temporalReferenceMovesOnlyWhenATokenIsKept() {
        // Each step turns 20° (cos 0.94, dropped), but frame 2 is 40° from the kept frame 0 (cos 0.77).
        List<TokenGrid> drifting = List.of(
                grid(1, 1, 2, at(0)), grid(1, 1, 2, at(20)), grid(1, 1, 2, at(40)), grid(1, 1, 2, at(60)));

        Compressed pruned = TEMPORAL_09.run(drifting);

        assertThat(pruned.tokens().frames()).extracting(FrameTokens::count).containsExactly(1, 0, 1, 0);
        assertThat(pruned.provenance().keptToken(3)).as("frame 3 is 20° from frame 2, now the reference").isEqualTo(1);
    }

    @Test
    void theFirstFrameKeepsEverything() {
        TokenGrid zeros = grid(1, 3, 2, 0, 0, 0, 0, 0, 0);

        Compressed pruned = TEMPORAL_09.run(List.of(zeros, zeros));

        assertThat(pruned.tokens().frame(0).count()).isEqualTo(3);
        assertThat(pruned.tokens().frame(1).count()).as("zero tokens count as identical").isZero();
    }

    @Test
    void aRepeatedFrameIsPrunedToNothingAfterTheFirst() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            TokenGrid frame = Grids.random(
                    1 + random.nextInt(9), 1 + random.nextInt(9), 1 + random.nextInt(40), 1, random);

            Compressed pruned = CompressionChain.parse("temporal:1.0").run(List.of(frame, frame, frame));

            assertThat(pruned.tokens().frames()).extracting(FrameTokens::count)
                    .containsExactly(frame.tokenCount(), 0, 0);
        }
    }

    @Test
    void everyDroppedTokenIsWithinTheThresholdOfItsStandIn() {
        SplittableRandom random = new SplittableRandom(4);
        List<TokenGrid> window = Grids.randomWindow(6, 4, 5, 3, random); // 3 channels: some cells match by chance

        Compressed pruned = CompressionChain.parse("temporal:0.8").run(window);

        assertThat(pruned.keptTokens()).isLessThan(6 * 20).isGreaterThan(20);
        for (float cosine : Fidelity.cosines(window, pruned)) {
            assertThat(cosine).isGreaterThanOrEqualTo(0.8f);
        }
    }
}
