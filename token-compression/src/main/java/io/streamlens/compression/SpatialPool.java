package io.streamlens.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code pool:<k>[:avg|:max]}: each {@code k × k} block of cells becomes one token, their mean
 * (LLaVA-NeXT-Video's 2×2 average pooling) or their element-wise maximum. A ragged last row or
 * column forms a smaller block, averaged over the cells it has, so no patch is lost.
 */
public record SpatialPool(int stride, Mode mode) implements TokenOperation {

    public enum Mode {
        AVERAGE("avg"), MAX("max");

        private final String spec;

        Mode(String spec) {
            this.spec = spec;
        }

        static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.spec.equals(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("pool mode must be 'avg' or 'max', got '" + text + "'");
        }
    }

    public SpatialPool {
        Objects.requireNonNull(mode, "mode");
        if (stride < 1) {
            throw new IllegalArgumentException("pool needs a stride ≥ 1, got '" + stride + "'");
        }
    }

    /** Parses the arguments after {@code pool:}. */
    static SpatialPool parse(List<String> args) {
        ChainArguments.requireCount("pool", args, 1, 2, "pool:<stride>[:avg|:max]");
        int stride = ChainArguments.integer(args.get(0), 1, "pool needs a stride ≥ 1");
        return new SpatialPool(stride, args.size() == 2 ? Mode.parse(args.get(1)) : Mode.AVERAGE);
    }

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public String spec() {
        return "pool:" + stride + (mode == Mode.AVERAGE ? "" : ":" + mode.spec);
    }

    @Override
    public boolean needsFullGrid() {
        return true;
    }

    @Override
    public Reduced apply(Tokens in) {
        in.requireFullGrid(this);
        Grid from = in.grid();
        Grid to = from.coarsen(stride);
        int dim = in.dim();
        int[] representative = new int[in.count()];
        List<FrameTokens> frames = new ArrayList<>(in.frameCount());
        int[] cells = Cells.all(to.cells());
        for (int f = 0; f < in.frameCount(); f++) {
            FrameTokens frame = in.frame(f);
            float[] pooled = new float[to.cells() * dim];
            int[] sizes = new int[to.cells()];
            pool(frame, from, to, dim, pooled, sizes, representative, in.start(f), f * to.cells());
            if (mode == Mode.AVERAGE) {
                divideByCellsPerBlock(pooled, from, to, dim);
            }
            frames.add(new FrameTokens(frame.ptsUs(), frame.novelty(), pooled, cells, sizes));
        }
        return Reduced.sameWidth(new Tokens(to, dim, frames), representative);
    }

    /** One pass over the input in memory order, folding each cell into its block's token. */
    private void pool(FrameTokens frame, Grid from, Grid to, int dim, float[] pooled, int[] sizes,
                      int[] representative, int inBase, int outBase) {
        float[] src = frame.values();
        int rows = from.rows();
        int cols = from.cols();
        int outCols = to.cols();
        for (int r = 0; r < rows; r++) {
            int outRow = r / stride * outCols;
            boolean blockTopRow = r % stride == 0;
            for (int c = 0; c < cols; c++) {
                int cell = r * cols + c;
                int outCell = outRow + c / stride;
                int s = cell * dim;
                int o = outCell * dim;
                if (blockTopRow && c % stride == 0) {
                    System.arraycopy(src, s, pooled, o, dim); // the block's first cell, in raster order
                } else if (mode == Mode.AVERAGE) {
                    Vectors.add(pooled, o, src, s, dim);
                } else {
                    Vectors.max(pooled, o, src, s, dim);
                }
                sizes[outCell] += frame.sizes()[cell];
                representative[inBase + cell] = outBase + outCell;
            }
        }
    }

    private void divideByCellsPerBlock(float[] pooled, Grid from, Grid to, int dim) {
        for (int r = 0; r < to.rows(); r++) {
            int blockRows = Math.min(stride, from.rows() - r * stride);
            for (int c = 0; c < to.cols(); c++) {
                int blockCols = Math.min(stride, from.cols() - c * stride);
                Vectors.scale(pooled, (r * to.cols() + c) * dim, dim, 1f / (blockRows * blockCols));
            }
        }
    }
}
