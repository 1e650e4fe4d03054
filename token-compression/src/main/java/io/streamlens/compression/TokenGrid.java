package io.streamlens.compression;

import java.util.Arrays;
import java.util.Objects;

/**
 * The visual tokens a vision encoder made of one sampled frame: a {@code rows × cols} grid of
 * {@code dim}-wide vectors.
 *
 * @param ptsUs presentation time of the frame, counted from the first frame of the source
 * @param novelty how different the frame is from the one before it, 0 (same) to 1 (entirely new)
 * @param rows grid height in patches
 * @param cols grid width in patches
 * @param dim width of each token
 * @param values {@code rows * cols * dim} floats, row-major, token after token; never written after
 *     construction, so compression can read it without copying
 */
public record TokenGrid(long ptsUs, double novelty, int rows, int cols, int dim, float[] values) {

    public TokenGrid {
        Objects.requireNonNull(values, "values");
        if (rows < 1 || cols < 1 || dim < 1) {
            throw new IllegalArgumentException(
                    "a token grid needs rows, cols and dim ≥ 1, got " + rows + "x" + cols + "x" + dim);
        }
        if ((long) rows * cols * dim != values.length) {
            throw new IllegalArgumentException(
                    "values holds " + values.length + " floats, not " + rows + "x" + cols + "x" + dim);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                // Similarity with a NaN is NaN, which would leave a merge without a partner.
                throw new IllegalArgumentException(
                        "token " + i / dim + " holds " + values[i] + "; values must be finite");
            }
        }
        if (!(novelty >= 0 && novelty <= 1)) {
            throw new IllegalArgumentException("novelty must be in [0, 1], got " + novelty);
        }
    }

    public int tokenCount() {
        return rows * cols;
    }

    boolean sameShapeAs(TokenGrid other) {
        return rows == other.rows && cols == other.cols && dim == other.dim;
    }

    String shape() {
        return rows + "x" + cols + "x" + dim;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenGrid g
                && ptsUs == g.ptsUs && Double.compare(novelty, g.novelty) == 0
                && rows == g.rows && cols == g.cols && dim == g.dim && Arrays.equals(values, g.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ptsUs, novelty, rows, cols, dim) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TokenGrid[@" + ptsUs + "us novelty " + String.format("%.3f", novelty) + " " + shape() + "]";
    }
}
