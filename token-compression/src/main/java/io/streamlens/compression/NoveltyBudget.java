package io.streamlens.compression;

import java.util.Arrays;
import java.util.List;

/**
 * {@code budget:<n>}: keeps at most {@code n} tokens per window. The budget is shared among the
 * frames in proportion to their novelty ({@link NoveltyShares}), so a window with a scene change
 * spends it on the new shot; within a frame, {@link DiverseSelection} picks the tokens, counting a
 * cell as already shown by the kept token that stands for its content in the latest earlier frame.
 *
 * <p>A dropped token is pruned in favour of the most similar of: the kept token already showing its
 * cell, and the tokens its own frame kept. A token of a frame whose share is zero (novelty 0: nothing
 * new) at a cell nothing shows yet is stood for by the most similar kept token of the nearest frame
 * that kept any, earlier ones first.
 */
public record NoveltyBudget(int maxTokens) implements TokenOperation {

    public NoveltyBudget {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("budget needs a token count ≥ 1, got '" + maxTokens + "'");
        }
    }

    static NoveltyBudget parse(List<String> args) {
        ChainArguments.requireCount("budget", args, 1, 1, "budget:<tokens per window>");
        return new NoveltyBudget(ChainArguments.integer(args.get(0), 1, "budget needs a token count ≥ 1"));
    }

    @Override
    public String name() {
        return "budget";
    }

    @Override
    public String spec() {
        return "budget:" + maxTokens;
    }

    @Override
    public Reduced apply(Tokens in) {
        int n = in.count();
        if (n <= maxTokens) {
            return Reduced.sameWidth(in, Cells.all(n));
        }
        int frames = in.frameCount();
        double[] novelty = new double[frames];
        int[] available = new int[frames];
        for (int f = 0; f < frames; f++) {
            novelty[f] = in.frame(f).novelty();
            available[f] = in.frame(f).count();
        }
        int[] quota = NoveltyShares.allocate(maxTokens, novelty, available);
        boolean[] keep = new boolean[n];
        int[] standIn = new int[n];
        int[] shownAt = new int[in.grid().cells()];
        Arrays.fill(shownAt, -1);
        for (int f = 0; f < frames; f++) {
            DiverseSelection.select(in, f, quota[f], shownAt, keep, standIn);
            FrameTokens frame = in.frame(f);
            for (int i = 0; i < frame.count(); i++) {
                if (standIn[in.start(f) + i] >= 0) {
                    shownAt[frame.cells()[i]] = standIn[in.start(f) + i];
                }
            }
        }
        for (int f = 0; f < frames; f++) {
            if (quota[f] == 0) {
                standInFromFrame(in, f, nearestFrameWithTokens(quota, f), keep, standIn);
            }
        }
        int[] keptNumber = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                keptNumber[i] = kept++;
            }
        }
        int[] representative = new int[n];
        for (int i = 0; i < n; i++) {
            representative[i] = keptNumber[standIn[i]];
        }
        return Reduced.sameWidth(Selection.keep(in, keep, representative, kept), representative);
    }

    private static int nearestFrameWithTokens(int[] quota, int f) {
        for (int distance = 1; ; distance++) {
            if (f - distance >= 0 && quota[f - distance] > 0) {
                return f - distance;
            }
            if (f + distance < quota.length && quota[f + distance] > 0) {
                return f + distance;
            }
        }
    }

    /** Tokens of frame {@code f} with no stand-in yet get the most similar kept token of frame {@code g}. */
    private static void standInFromFrame(Tokens in, int f, int g, boolean[] keep, int[] standIn) {
        int dim = in.dim();
        float[] v = in.frame(f).values();
        float[] w = in.frame(g).values();
        int gBase = in.start(g);
        int gCount = in.frame(g).count();
        float[] keptSquaredNorms = new float[gCount];
        for (int j = 0; j < gCount; j++) {
            if (keep[gBase + j]) {
                keptSquaredNorms[j] = Vectors.squaredNorm(w, j * dim, dim);
            }
        }
        for (int i = 0; i < in.frame(f).count(); i++) {
            if (standIn[in.start(f) + i] >= 0) {
                continue;
            }
            float squaredNorm = Vectors.squaredNorm(v, i * dim, dim);
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < gCount; j++) {
                if (keep[gBase + j]) {
                    float dot = Vectors.dot(v, i * dim, w, j * dim, dim);
                    double sim = Vectors.cosine(dot, squaredNorm, keptSquaredNorms[j]);
                    if (sim > best) {
                        best = sim;
                        standIn[in.start(f) + i] = gBase + j;
                    }
                }
            }
        }
    }
}
