package io.streamlens.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test fixtures: hand-written grids and random ones. */
final class Grids {

    private Grids() {
    }

    /** A grid whose token values are written out in row-major order. */
    static TokenGrid grid(int rows, int cols, int dim, float... values) {
        return new TokenGrid(0, 1, rows, cols, dim, values);
    }

    /** A grid of one frame at {@code ptsUs} with the given novelty. */
    static TokenGrid frameAt(long ptsUs, double novelty, int rows, int cols, int dim, float... values) {
        return new TokenGrid(ptsUs, novelty, rows, cols, dim, values);
    }

    /** Gaussian tokens with no structure: no two are alike. */
    static TokenGrid random(int rows, int cols, int dim, double novelty, SplittableRandom random) {
        float[] values = new float[rows * cols * dim];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new TokenGrid(0, novelty, rows, cols, dim, values);
    }

    /** {@code frames} random grids of one shape with random novelty, time-stamped 0.5 s apart. */
    static List<TokenGrid> randomWindow(int frames, int rows, int cols, int dim, SplittableRandom random) {
        List<TokenGrid> window = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            TokenGrid g = random(rows, cols, dim, random.nextDouble(), random);
            window.add(new TokenGrid(f * 500_000L, g.novelty(), rows, cols, dim, g.values()));
        }
        return window;
    }

    /** The kept token {@code k} (window-wide number) of a compressed window. */
    static float[] kept(Compressed compressed, int k) {
        Tokens tokens = compressed.tokens();
        int f = 0;
        while (tokens.start(f + 1) <= k) {
            f++;
        }
        int dim = tokens.dim();
        int from = (k - tokens.start(f)) * dim;
        float[] v = new float[dim];
        System.arraycopy(tokens.frame(f).values(), from, v, 0, dim);
        return v;
    }
}
