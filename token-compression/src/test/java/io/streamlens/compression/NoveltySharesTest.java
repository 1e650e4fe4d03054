package io.streamlens.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoveltySharesTest {

    @Test
    void sharesFollowNoveltyAndAFullFrameGivesItsSurplusToTheOthers() {
        int[] quota = NoveltyShares.allocate(8, new double[] {0.5, 0.25, 0.25}, new int[] {4, 4, 4});

        // Frame 0's share of 4 uses all its tokens; the other 4 split evenly.
        assertThat(quota).containsExactly(4, 2, 2);
    }

    @Test
    void leftoverTokensGoToTheLargestFractions() {
        // Shares 3.5, 2.1, 1.4: whole parts 3, 2, 1, and the one left goes to the 0.5.
        int[] quota = NoveltyShares.allocate(7, new double[] {0.5, 0.3, 0.2}, new int[] {100, 100, 100});

        assertThat(quota).containsExactly(4, 2, 1);
    }

    @Test
    void aFrameWithNoNoveltyGetsNothingWhileOthersAreNew() {
        assertThat(NoveltyShares.allocate(4, new double[] {1, 0}, new int[] {10, 10})).containsExactly(4, 0);
    }

    @Test
    void framesShareEquallyWhenNoneIsNew() {
        assertThat(NoveltyShares.allocate(6, new double[] {0, 0, 0}, new int[] {10, 10, 10})).containsExactly(2, 2, 2);
    }

    @Test
    void aSceneChangeTakesMostOfTheBudget() {
        int[] quota = NoveltyShares.allocate(100, new double[] {0.05, 0.05, 0.9, 0.05}, new int[] {729, 729, 729, 729});

        assertThat(quota[2]).isGreaterThan(80);
        assertThat(Arrays.stream(quota).sum()).isEqualTo(100);
    }

    @Test
    void sharesNeverExceedWhatAFrameHasAndAddUpToTheBudget() {
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 500; trial++) {
            int frames = 1 + random.nextInt(10);
            double[] novelty = new double[frames];
            int[] available = new int[frames];
            for (int f = 0; f < frames; f++) {
                novelty[f] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
                available[f] = random.nextInt(30);
            }
            int budget = 1 + random.nextInt(120);

            int[] quota = NoveltyShares.allocate(budget, novelty, available);

            for (int f = 0; f < frames; f++) {
                assertThat(quota[f]).isBetween(0, available[f]);
            }
            assertThat(Arrays.stream(quota).sum()).isEqualTo(Math.min(budget, Arrays.stream(available).sum()));
        }
    }
}
