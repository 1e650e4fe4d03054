package io.streamlens.compression;

import java.util.Objects;

/**
 * The tokens of one frame between two operations, ordered by cell (raster order on the
 * {@link Grid}), at most one per cell.
 *
 * <p>The arrays are handed from operation to operation without copying and are never written after
 * construction, so the record compares by array identity; it is a working set, not a value to store.
 *
 * @param ptsUs presentation time of the frame
 * @param novelty how new the frame is, 0 to 1
 * @param values {@code count() * dim} floats
 * @param cells grid cell of each token, strictly increasing
 * @param sizes encoder tokens each token stands for
 */
public record FrameTokens(long ptsUs, double novelty, float[] values, int[] cells, int[] sizes) {

    public FrameTokens {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(sizes, "sizes");
        if (cells.length != sizes.length) {
            throw new IllegalArgumentException(cells.length + " cells but " + sizes.length + " sizes");
        }
    }

    public int count() {
        return cells.length;
    }
}
