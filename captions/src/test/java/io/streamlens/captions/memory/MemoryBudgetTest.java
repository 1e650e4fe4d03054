package io.streamlens.captions.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    static MemoryEntry window(int i, int tokens) {
        return new MemoryEntry(i * 3000L, i * 3000L + 4000, "window " + i, new float[] {1}, tokens, tokens == 0 ? 0 : 1,
                new float[tokens]);
    }

    static List<MemoryEntry> windows(int n, int tokensEach) {
        return IntStream.range(0, n).mapToObj(i -> window(i, tokensEach)).toList();
    }

    @Test
    void trimsOnlyOnceAQuarterOverTheWindowCountOrOverTheByteBudget() {
        MemoryBudget budget = new MemoryBudget(MemoryOptions.DEFAULT.withWindows(100).withTokenBytes(2_000));
        assertThat(budget.mustTrim(125, 2_000)).isFalse();
        assertThat(budget.mustTrim(126, 0)).isTrue();
        assertThat(budget.mustTrim(1, 2_001)).isTrue();
    }

    @Test
    void keepsTheNewestWindows() {
        MemoryBudget budget = new MemoryBudget(MemoryOptions.DEFAULT.withWindows(10));
        List<MemoryEntry> kept = budget.trim(windows(13, 0));
        assertThat(kept).hasSize(10).extracting(MemoryEntry::text).startsWith("window 3").endsWith("window 12");
    }

    @Test
    void dropsTheOldestWindowsTokensUntilThreeQuartersOfTheBudgetAreLeft() {
        MemoryBudget budget = new MemoryBudget(MemoryOptions.DEFAULT.withWindows(100).withTokenBytes(2_000));
        List<MemoryEntry> kept = budget.trim(windows(6, 100)); // 400 bytes each, 2 400 in all

        assertThat(kept).extracting(MemoryEntry::count).containsExactly(0, 0, 0, 100, 100, 100);
        assertThat(MemoryBudget.tokenBytes(kept)).isEqualTo(1_200);
        assertThat(kept).extracting(MemoryEntry::text).containsExactly("window 0", "window 1", "window 2", "window 3",
                "window 4", "window 5");
    }
}
