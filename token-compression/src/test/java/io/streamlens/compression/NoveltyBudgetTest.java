package io.streamlens.compression;

import static io.streamlens.compression.Grids.frameAt;
import static io.streamlens.compression.Grids.grid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoveltyBudgetTest {

    @Test
    void withinAFrameTheMostTypicalTokenComesFirstThenTheMostDistinct() {
        // Angles 0°, 11°, 22°, 90°; their mean lies at 28°, nearest the 22° token; 90° is farthest from it.
        TokenGrid row = grid(1, 4, 2, 1, 0, 1, 0.2f, 1, 0.4f, 0, 1);

        Compressed kept = CompressionChain.parse("budget:2").run(List.of(row));

        assertThat(kept.tokens().frame(0).cells()).containsExactly(2, 3);
        assertThat(kept.tokens().frame(0).sizes()).containsExactly(3, 1);
        assertThat(kept.provenance().keptToken(0)).isEqualTo(0);
        assertThat(kept.provenance().keptToken(1)).isEqualTo(0);
    }

    @Test
    void aLaterFrameSpendsItsShareOnWhatChanged() {
        List<TokenGrid> window = List.of(
                frameAt(0, 1.0, 1, 3, 2, 1, 0, 0, 1, 1, 1),
                frameAt(500_000, 0.5, 1, 3, 2, 1, 0, 0, 1, -1, 0.2f)); // only cell 2 changed

        // Shares of 4 by novelty 1 : 0.5 are 2.67 and 1.33, so frame 0 keeps 3 and frame 1 keeps 1.
        Compressed kept = CompressionChain.parse("budget:4").run(window);

        assertThat(kept.tokens().frame(0).cells()).containsExactly(0, 1, 2);
        assertThat(kept.tokens().frame(1).cells()).containsExactly(2);
        assertThat(kept.provenance().keptToken(3)).as("unchanged cell 0 is shown by frame 0").isEqualTo(0);
        assertThat(kept.provenance().keptToken(4)).isEqualTo(1);
    }

    @Test
    void aFrameWithNothingNewIsShownByTheNearestFrameThatKeptTokens() {
        List<TokenGrid> window = List.of(
                frameAt(0, 0.0, 1, 2, 2, 1, 0, 0, 1),
                frameAt(500_000, 1.0, 1, 2, 2, 0, 1, 1, 0));

        Compressed kept = CompressionChain.parse("budget:2").run(window);

        assertThat(kept.tokens().frames()).extracting(FrameTokens::count).containsExactly(0, 2);
        assertThat(kept.provenance().keptToken(0)).as("(1,0) is shown by frame 1's (1,0) at cell 1").isEqualTo(1);
        assertThat(kept.provenance().keptToken(1)).isEqualTo(0);
        assertThat(Fidelity.measure(window, kept).meanCosine()).isEqualTo(1.0);
    }

    @Test
    void aWindowWithinTheBudgetIsKeptWhole() {
        List<TokenGrid> window = Grids.randomWindow(3, 2, 2, 4, new SplittableRandom(9));

        Compressed kept = CompressionChain.parse("budget:12").run(window);

        assertThat(kept.keptTokens()).isEqualTo(12);
        assertThat(Fidelity.measure(window, kept).meanCosine()).isEqualTo(1.0);
    }

    @Test
    void aWindowNeverKeepsMoreThanItsBudget() {
        SplittableRandom random = new SplittableRandom(10);
        for (int trial = 0; trial < 40; trial++) {
            List<TokenGrid> window = Grids.randomWindow(1 + random.nextInt(6), 1 + random.nextInt(6),
                    1 + random.nextInt(6), 1 + random.nextInt(8), random);
            int budget = 1 + random.nextInt(40);

            Compressed kept = CompressionChain.parse("budget:" + budget).run(window);

            int raw = window.size() * window.get(0).tokenCount();
            assertThat(kept.keptTokens()).isEqualTo(Math.min(budget, raw));
        }
    }
}
