package io.streamlens.compression;

/**
 * Where tokens sit: the encoder's {@code sourceRows × sourceCols} patch grid, coarsened into cells
 * of {@code cellSize × cellSize} patches by pooling and shuffling. Coarsening divides with ceiling,
 * so a ragged last row or column becomes a smaller cell rather than being dropped.
 */
public record Grid(int sourceRows, int sourceCols, int cellSize) {

    public Grid {
        if (sourceRows < 1 || sourceCols < 1 || cellSize < 1) {
            throw new IllegalArgumentException("a grid needs rows, cols and cell size ≥ 1, got "
                    + sourceRows + "x" + sourceCols + "/" + cellSize);
        }
    }

    public int rows() {
        return ceilDiv(sourceRows, cellSize);
    }

    public int cols() {
        return ceilDiv(sourceCols, cellSize);
    }

    public int cells() {
        return rows() * cols();
    }

    /**
     * The grid after grouping {@code factor × factor} cells; since ceil(ceil(n/a)/b) = ceil(n/(ab)),
     * coarsening twice equals coarsening once by the product.
     */
    public Grid coarsen(int factor) {
        return new Grid(sourceRows, sourceCols, Math.multiplyExact(cellSize, factor));
    }

    /** Encoder-grid row of the top-left patch of {@code cell}. */
    public int sourceRow(int cell) {
        return cell / cols() * cellSize;
    }

    /** Encoder-grid column of the top-left patch of {@code cell}. */
    public int sourceCol(int cell) {
        return cell % cols() * cellSize;
    }

    private static int ceilDiv(int n, int d) {
        return (n + d - 1) / d;
    }
}
