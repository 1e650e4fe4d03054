package io.streamlens.compression;

/**
 * Splits a window's token budget among its frames in proportion to novelty.
 *
 * <p>Water-filling: a frame whose proportional share exceeds the tokens it has keeps them all, and
 * what it could not use is shared again among the others. The rest get the whole part of their share
 * and the leftover tokens go to the largest fractional parts (ties to the earlier frame), so the
 * shares add up to the budget exactly. When every remaining frame has novelty 0 they share equally.
 */
final class NoveltyShares {

    private NoveltyShares() {
    }

    /**
     * Tokens for each frame: never more than {@code available}, summing to {@code budget}, or to all
     * available tokens when there are fewer.
     */
    static int[] allocate(int budget, double[] novelty, int[] available) {
        int frames = novelty.length;
        int[] quota = new int[frames];
        boolean[] settled = new boolean[frames];
        int remaining = budget;
        boolean capped = true;
        while (capped) {
            capped = false;
            double weights = totalWeight(novelty, available, settled);
            for (int f = 0; f < frames; f++) {
                if (!settled[f] && (available[f] == 0 || remaining * weight(novelty, f, weights) >= available[f])) {
                    quota[f] = available[f];
                    remaining -= available[f];
                    settled[f] = true;
                    capped = true;
                }
            }
            if (remaining <= 0 || allSettled(settled)) {
                return quota;
            }
        }
        double weights = totalWeight(novelty, available, settled);
        double[] fraction = new double[frames];
        int given = 0;
        for (int f = 0; f < frames; f++) {
            if (!settled[f]) {
                double share = remaining * weight(novelty, f, weights);
                quota[f] = (int) share;
                fraction[f] = share - quota[f];
                given += quota[f];
            }
        }
        // A share below a frame's tokens has a whole part at most available - 1, so one more fits.
        for (int left = remaining - given; left > 0; left--) {
            int best = -1;
            for (int f = 0; f < frames; f++) {
                if (!settled[f] && (best < 0 || fraction[f] > fraction[best])) {
                    best = f;
                }
            }
            quota[best]++;
            fraction[best] = -1;
        }
        return quota;
    }

    /** The novelty of unsettled frames, or their count when all have novelty 0 (equal weights). */
    private static double totalWeight(double[] novelty, int[] available, boolean[] settled) {
        double sum = 0;
        int open = 0;
        for (int f = 0; f < novelty.length; f++) {
            if (!settled[f]) {
                sum += novelty[f];
                open++;
            }
        }
        return sum > 0 ? sum : -open;
    }

    /** Frame {@code f}'s part of the unsettled weight; a negative total means equal parts. */
    private static double weight(double[] novelty, int f, double total) {
        return total < 0 ? 1 / -total : novelty[f] / total;
    }

    private static boolean allSettled(boolean[] settled) {
        for (boolean s : settled) {
            if (!s) {
                return false;
            }
        }
        return true;
    }
}
