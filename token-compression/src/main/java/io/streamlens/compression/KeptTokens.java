package io.streamlens.compression;

import java.util.Arrays;
import java.util.Objects;

/**
 * The compressed visual tokens of one stream window with where each came from: what a language
 * model prefills, and what per-stream memory keeps. (Named apart from {@code inference}'s
 * {@code VisualTokens}, the plain {@code count × hidden} rows a vision encoder makes and a decoder
 * reads: this type adds each token's frame, grid position and size.)
 *
 * <p>Kept token {@code i} is {@code values[i*dim .. (i+1)*dim)}; it belongs to frame
 * {@code frames[i]} and covers the {@code cellSize × cellSize} block of the encoder grid whose
 * top-left patch is ({@code rows[i]}, {@code cols[i]}) (clipped at the grid's edge), so a model can
 * still place it: its position on the compressed grid is ({@code rows[i] / cellSize},
 * {@code cols[i] / cellSize}). Tokens are ordered by frame, then by position, and no two tokens of a
 * frame share a position. {@code sizes[i]} counts the encoder tokens the kept token stands for
 * (pooled, shuffled, merged or pruned into it); the sizes add up to {@code rawTokens}, and a model
 * using ToMe's proportional attention can add {@code log(size)} to its attention logits.
 *
 * @param streamId the stream it belongs to
 * @param startMs window start
 * @param endMs window end (exclusive)
 * @param gridRows rows of the encoder grid
 * @param gridCols columns of the encoder grid
 * @param cellSize encoder patches per side of one compressed cell (pool and shuffle multiply it)
 * @param dim width of each kept token
 * @param rawTokens tokens the encoder made for the window
 * @param framePtsUs presentation time of each frame of the window
 * @param values kept tokens, {@code keptTokens() * dim} floats
 * @param frames frame index of each kept token
 * @param rows encoder-grid row of each kept token
 * @param cols encoder-grid column of each kept token
 * @param sizes encoder tokens each kept token stands for
 */
public record KeptTokens(
        String streamId, long startMs, long endMs,
        int gridRows, int gridCols, int cellSize, int dim, int rawTokens,
        long[] framePtsUs, float[] values, int[] frames, int[] rows, int[] cols, int[] sizes) {

    public KeptTokens {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(framePtsUs, "framePtsUs");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(cols, "cols");
        Objects.requireNonNull(sizes, "sizes");
        if (gridRows < 1 || gridCols < 1 || cellSize < 1 || dim < 1) {
            throw new IllegalArgumentException("grid " + gridRows + "x" + gridCols + ", cell size " + cellSize
                    + " and dim " + dim + " must all be ≥ 1");
        }
        int kept = frames.length;
        if (rows.length != kept || cols.length != kept || sizes.length != kept || values.length != (long) kept * dim) {
            throw new IllegalArgumentException("per-token arrays disagree: " + kept + " frames, " + rows.length
                    + " rows, " + cols.length + " cols, " + sizes.length + " sizes, " + values.length
                    + " values for dim " + dim);
        }
        long sizeSum = 0;
        for (int i = 0; i < kept; i++) {
            if (frames[i] < 0 || frames[i] >= framePtsUs.length
                    || rows[i] < 0 || rows[i] >= gridRows || cols[i] < 0 || cols[i] >= gridCols || sizes[i] < 1) {
                throw new IllegalArgumentException("token " + i + " at frame " + frames[i] + " (" + rows[i] + ", "
                        + cols[i] + ") size " + sizes[i] + " lies outside " + framePtsUs.length + " frames of "
                        + gridRows + "x" + gridCols);
            }
            sizeSum += sizes[i];
        }
        if (sizeSum != rawTokens) {
            throw new IllegalArgumentException("kept tokens stand for " + sizeSum + " encoder tokens, not the "
                    + rawTokens + " the window had");
        }
    }

    public int keptTokens() {
        return frames.length;
    }

    /** The share of encoder tokens compression removed, 0 (none) to 1. */
    public double reduction() {
        return rawTokens == 0 ? 0 : 1 - (double) keptTokens() / rawTokens;
    }

    /** A copy of kept token {@code i}. */
    public float[] token(int i) {
        return Arrays.copyOfRange(values, i * dim, (i + 1) * dim);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeptTokens v
                && startMs == v.startMs && endMs == v.endMs && gridRows == v.gridRows && gridCols == v.gridCols
                && cellSize == v.cellSize && dim == v.dim && rawTokens == v.rawTokens
                && streamId.equals(v.streamId) && Arrays.equals(framePtsUs, v.framePtsUs)
                && Arrays.equals(values, v.values) && Arrays.equals(frames, v.frames)
                && Arrays.equals(rows, v.rows) && Arrays.equals(cols, v.cols) && Arrays.equals(sizes, v.sizes);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(streamId, startMs, endMs, gridRows, gridCols, cellSize, dim, rawTokens);
        h = 31 * h + Arrays.hashCode(framePtsUs);
        h = 31 * h + Arrays.hashCode(values);
        h = 31 * h + Arrays.hashCode(frames);
        h = 31 * h + Arrays.hashCode(rows);
        h = 31 * h + Arrays.hashCode(cols);
        return 31 * h + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return "KeptTokens[" + streamId + " " + startMs + "-" + endMs + " ms, " + keptTokens() + " of " + rawTokens
                + " tokens kept (dim " + dim + ", cell " + cellSize + ") over " + framePtsUs.length + " frames]";
    }
}
