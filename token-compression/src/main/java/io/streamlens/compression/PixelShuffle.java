package io.streamlens.compression;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code shuffle:<r>}: pixel shuffle (space-to-depth), as InternVL does before its projector. Each
 * {@code r × r} block of cells becomes one token {@code r²} times as wide: the block's tokens laid
 * end to end in raster order, so channel {@code ((dr * r) + dc) * dim + j} of the output is channel
 * {@code j} of the cell {@code dr} rows and {@code dc} columns from the block's corner. This matches
 * InternVL's {@code pixel_shuffle(x, 0.5)} layout. Nothing is averaged, so nothing is lost; a ragged
 * block leaves its missing sub-vectors zero, which similarity treats as unlike any content.
 */
public record PixelShuffle(int factor) implements TokenOperation {

    public PixelShuffle {
        if (factor < 1) {
            throw new IllegalArgumentException("shuffle needs a factor ≥ 1, got '" + factor + "'");
        }
    }

    static PixelShuffle parse(List<String> args) {
        ChainArguments.requireCount("shuffle", args, 1, 1, "shuffle:<factor>");
        return new PixelShuffle(ChainArguments.integer(args.get(0), 1, "shuffle needs a factor ≥ 1"));
    }

    @Override
    public String name() {
        return "shuffle";
    }

    @Override
    public String spec() {
        return "shuffle:" + factor;
    }

    @Override
    public boolean needsFullGrid() {
        return true;
    }

    @Override
    public Reduced apply(Tokens in) {
        in.requireFullGrid(this);
        Grid from = in.grid();
        Grid to = from.coarsen(factor);
        int dim = in.dim();
        int wide = Math.multiplyExact(dim, factor * factor);
        int[] representative = new int[in.count()];
        int[] offset = new int[in.count()];
        int[] cells = Cells.all(to.cells());
        List<FrameTokens> frames = new ArrayList<>(in.frameCount());
        for (int f = 0; f < in.frameCount(); f++) {
            FrameTokens frame = in.frame(f);
            float[] src = frame.values();
            float[] shuffled = new float[to.cells() * wide];
            int[] sizes = new int[to.cells()];
            int inBase = in.start(f);
            int outBase = f * to.cells();
            for (int r = 0; r < from.rows(); r++) {
                for (int c = 0; c < from.cols(); c++) {
                    int cell = r * from.cols() + c;
                    int outCell = r / factor * to.cols() + c / factor;
                    int slot = (r % factor) * factor + c % factor;
                    System.arraycopy(src, cell * dim, shuffled, outCell * wide + slot * dim, dim);
                    sizes[outCell] += frame.sizes()[cell];
                    representative[inBase + cell] = outBase + outCell;
                    offset[inBase + cell] = slot * dim;
                }
            }
            frames.add(new FrameTokens(frame.ptsUs(), frame.novelty(), shuffled, cells, sizes));
        }
        return new Reduced(new Tokens(to, wide, frames), representative, offset);
    }
}
