package io.streamlens.compression;

/**
 * Picks which of a frame's tokens to keep under a quota: greedy max-min diversity (farthest-point
 * selection), the rule DivPrune (Alvar et al., CVPR 2025) found to beat attention- and norm-based
 * pruning, extended over time.
 *
 * <p>Each token starts covered by the kept token already showing its cell (standing for the cell's
 * content in an earlier frame), if any, to the extent of their cosine similarity. The first pick is
 * the most typical uncovered token (closest to their mean: the best single stand-in for what is
 * new); then, repeatedly, the least covered token is kept and covers the tokens more similar to it
 * than to what covered them before. So a static background that earlier frames already show costs
 * nothing, the quota goes to what is new, and every dropped token has a similar kept token, which
 * is what a model needs to still "see" it and what {@link Fidelity} measures. The alternatives are
 * weaker: ranking by L2 norm favours the high-norm outlier tokens ViTs park on background patches
 * (Darcet et al., "Vision Transformers Need Registers", 2024), and ranking by distance from the
 * mean keeps many near-copies of one salient object. Each pick costs one pass over the frame, quota
 * × tokens × dim in all, and needs no attention scores from the model.
 */
final class DiverseSelection {

    /** Coverage of a token nothing stands for yet: below any cosine similarity. */
    private static final double UNCOVERED = -2;

    private DiverseSelection() {
    }

    /**
     * Keeps {@code quota} of frame {@code f}'s tokens, marking them in {@code keep}, and sets
     * {@code standIn} of each of the frame's tokens to the window-wide number of the most similar kept
     * token, itself when kept, or -1 when the quota is 0 and nothing shows its cell yet.
     *
     * @param shownAt for each cell, the window-wide number of the kept token standing for the cell's
     *     content in the latest earlier frame, or -1
     */
    static void select(Tokens in, int f, int quota, int[] shownAt, boolean[] keep, int[] standIn) {
        FrameTokens frame = in.frame(f);
        int count = frame.count();
        int base = in.start(f);
        if (quota >= count) {
            for (int i = 0; i < count; i++) {
                keep[base + i] = true;
                standIn[base + i] = base + i;
            }
            return;
        }
        int dim = in.dim();
        float[] values = frame.values();
        float[] squaredNorms = new float[count];
        for (int i = 0; i < count; i++) {
            squaredNorms[i] = Vectors.squaredNorm(values, i * dim, dim);
        }
        double[] coverage = new double[count];
        int[] coveredBy = new int[count];
        coverFromEarlierFrames(in, frame, squaredNorms, shownAt, coverage, coveredBy);
        boolean[] chosen = new boolean[count];
        for (int picked = 0; picked < quota; picked++) {
            int next = picked == 0 ? mostTypicalUncovered(values, count, dim, squaredNorms, coverage) : -1;
            if (next < 0) {
                for (int i = 0; i < count; i++) {
                    if (!chosen[i] && (next < 0 || coverage[i] < coverage[next])) {
                        next = i;
                    }
                }
            }
            chosen[next] = true;
            coverWith(next, base, values, count, dim, squaredNorms, chosen, coverage, coveredBy);
        }
        for (int i = 0; i < count; i++) {
            keep[base + i] = chosen[i];
            standIn[base + i] = chosen[i] ? base + i : coveredBy[i];
        }
    }

    private static void coverFromEarlierFrames(Tokens in, FrameTokens frame, float[] squaredNorms, int[] shownAt,
                                               double[] coverage, int[] coveredBy) {
        int dim = in.dim();
        for (int i = 0; i < frame.count(); i++) {
            int earlier = shownAt[frame.cells()[i]];
            coveredBy[i] = earlier;
            coverage[i] = UNCOVERED;
            if (earlier >= 0) {
                int g = frameOf(in, earlier);
                float[] w = in.frame(g).values();
                int from = (earlier - in.start(g)) * dim;
                float dot = Vectors.dot(frame.values(), i * dim, w, from, dim);
                coverage[i] = Vectors.cosine(dot, squaredNorms[i], Vectors.squaredNorm(w, from, dim));
            }
        }
    }

    /** Lets every unchosen token more similar to the new pick than to its cover switch to it. */
    private static void coverWith(int j, int base, float[] values, int count, int dim, float[] squaredNorms,
                                  boolean[] chosen, double[] coverage, int[] coveredBy) {
        for (int i = 0; i < count; i++) {
            if (!chosen[i]) {
                float dot = Vectors.dot(values, i * dim, values, j * dim, dim);
                double sim = Vectors.cosine(dot, squaredNorms[i], squaredNorms[j]);
                if (sim > coverage[i]) {
                    coverage[i] = sim;
                    coveredBy[i] = base + j;
                }
            }
        }
    }

    /** The uncovered token most similar to the mean of the uncovered tokens, or -1 if all are covered. */
    private static int mostTypicalUncovered(float[] values, int count, int dim, float[] squaredNorms,
                                            double[] coverage) {
        float[] mean = new float[dim];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            if (coverage[i] == UNCOVERED) {
                Vectors.add(mean, 0, values, i * dim, dim);
                any = true;
            }
        }
        if (!any) {
            return -1;
        }
        float meanSquaredNorm = Vectors.squaredNorm(mean, 0, dim);
        int best = -1;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            if (coverage[i] == UNCOVERED) {
                float dot = Vectors.dot(values, i * dim, mean, 0, dim);
                double sim = Vectors.cosine(dot, squaredNorms[i], meanSquaredNorm);
                if (sim > bestSim) {
                    bestSim = sim;
                    best = i;
                }
            }
        }
        return best;
    }

    private static int frameOf(Tokens in, int token) {
        int f = 0;
        while (in.start(f + 1) <= token) {
            f++;
        }
        return f;
    }
}
