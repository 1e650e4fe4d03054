package io.streamlens.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Token grids at real encoder sizes with the structure compression relies on, for benchmarks and
 * tests. A scene is a shared component (a ViT's tokens of one image share a common direction), plus a
 * smooth field (random vectors on a coarse lattice, interpolated bilinearly, so neighbours are alike
 * and merging has something to find), plus fixed per-token texture. Frames of a scene add fresh
 * per-frame jitter, as sensor noise does to a static camera, and a small object moves across it.
 */
public final class SyntheticGrids {

    /** Lattice cells across the grid: regions of roughly a quarter of the frame. */
    private static final int LATTICE = 4;
    private static final float SHARED = 0.5f;
    private static final float TEXTURE = 0.35f;
    private static final float JITTER = 0.12f;
    private static final int OBJECT_CELLS = 4;

    private SyntheticGrids() {
    }

    /**
     * A static camera: {@code frames} near-identical frames of one scene with a 4×4-cell object moving
     * two cells to the right each frame. The first frame has novelty 1; the others, one minus their
     * mean cosine similarity to the frame before, as a sampler would report.
     */
    public static List<TokenGrid> staticCamera(int rows, int cols, int dim, int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] scene = scene(rows, cols, dim, random);
        float[] object = gaussian(dim, 1f, random);
        List<TokenGrid> grids = new ArrayList<>(frames);
        float[] previous = null;
        for (int f = 0; f < frames; f++) {
            float[] values = scene.clone();
            for (int i = 0; i < values.length; i++) {
                values[i] += (float) random.nextGaussian() * JITTER;
            }
            int top = rows / 3;
            int left = (2 * f) % Math.max(1, cols - OBJECT_CELLS + 1);
            for (int r = top; r < Math.min(rows, top + OBJECT_CELLS); r++) {
                for (int c = left; c < Math.min(cols, left + OBJECT_CELLS); c++) {
                    int from = (r * cols + c) * dim;
                    for (int j = 0; j < dim; j++) {
                        values[from + j] = object[j] + (float) random.nextGaussian() * TEXTURE;
                    }
                }
            }
            double novelty = previous == null ? 1 : 1 - meanCosine(previous, values, dim);
            grids.add(new TokenGrid(f * 500_000L, Math.max(0, Math.min(1, novelty)), rows, cols, dim, values));
            previous = values;
        }
        return grids;
    }

    /** Mean cosine similarity of same-position tokens in two equally shaped grids. */
    static double meanCosine(float[] a, float[] b, int dim) {
        double sum = 0;
        int tokens = a.length / dim;
        for (int t = 0; t < tokens; t++) {
            double dot = 0;
            double aa = 0;
            double bb = 0;
            for (int j = t * dim; j < (t + 1) * dim; j++) {
                dot += a[j] * b[j];
                aa += a[j] * a[j];
                bb += b[j] * b[j];
            }
            sum += aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
        }
        return sum / tokens;
    }

    private static float[] scene(int rows, int cols, int dim, SplittableRandom random) {
        float[] shared = gaussian(dim, SHARED, random);
        float[][] lattice = new float[(LATTICE + 1) * (LATTICE + 1)][];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = gaussian(dim, 1f, random);
        }
        float[] values = new float[rows * cols * dim];
        for (int r = 0; r < rows; r++) {
            double y = rows == 1 ? 0 : (double) r / (rows - 1) * LATTICE;
            int y0 = Math.min(LATTICE - 1, (int) y);
            float fy = (float) (y - y0);
            for (int c = 0; c < cols; c++) {
                double x = cols == 1 ? 0 : (double) c / (cols - 1) * LATTICE;
                int x0 = Math.min(LATTICE - 1, (int) x);
                float fx = (float) (x - x0);
                float[] a = lattice[y0 * (LATTICE + 1) + x0];
                float[] b = lattice[y0 * (LATTICE + 1) + x0 + 1];
                float[] d = lattice[(y0 + 1) * (LATTICE + 1) + x0];
                float[] e = lattice[(y0 + 1) * (LATTICE + 1) + x0 + 1];
                int from = (r * cols + c) * dim;
                for (int j = 0; j < dim; j++) {
                    float top = a[j] + (b[j] - a[j]) * fx;
                    float bottom = d[j] + (e[j] - d[j]) * fx;
                    values[from + j] = shared[j] + top + (bottom - top) * fy
                            + (float) random.nextGaussian() * TEXTURE;
                }
            }
        }
        return values;
    }

    private static float[] gaussian(int dim, float scale, SplittableRandom random) {
        float[] v = new float[dim];
        for (int j = 0; j < dim; j++) {
            v[j] = (float) random.nextGaussian() * scale;
        }
        return v;
    }
}
