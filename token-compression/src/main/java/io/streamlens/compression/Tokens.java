package io.streamlens.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tokens of a window between two operations: one {@link FrameTokens} per frame, all of width
 * {@code dim}, on one {@link Grid}.
 *
 * <p>Tokens are numbered across the window, frame after frame ({@link #start(int)} is the number of
 * a frame's first token); {@link Reduced} and {@link Provenance} use these numbers.
 */
public final class Tokens {

    private final Grid grid;
    private final int dim;
    private final List<FrameTokens> frames;
    private final int[] start;

    public Tokens(Grid grid, int dim, List<FrameTokens> frames) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.frames = List.copyOf(frames);
        this.dim = dim;
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be ≥ 1, got " + dim);
        }
        start = new int[this.frames.size() + 1];
        int cells = grid.cells();
        for (int f = 0; f < this.frames.size(); f++) {
            FrameTokens frame = this.frames.get(f);
            requireWellFormed(f, frame, cells);
            start[f + 1] = start[f] + frame.count();
        }
    }

    /** Wraps the grids without copying their values: every cell holds one encoder token. */
    public static Tokens of(List<TokenGrid> grids) {
        TokenWindow.requireOneShape(grids);
        TokenGrid first = grids.get(0);
        int n = first.tokenCount();
        int[] cells = new int[n];
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            cells[i] = i;
            sizes[i] = 1;
        }
        List<FrameTokens> frames = new ArrayList<>(grids.size());
        for (TokenGrid g : grids) {
            // Sharing cells and sizes across frames is safe: nothing writes them after construction.
            frames.add(new FrameTokens(g.ptsUs(), g.novelty(), g.values(), cells, sizes));
        }
        return new Tokens(new Grid(first.rows(), first.cols(), 1), first.dim(), frames);
    }

    public Grid grid() {
        return grid;
    }

    public int dim() {
        return dim;
    }

    public List<FrameTokens> frames() {
        return frames;
    }

    public FrameTokens frame(int f) {
        return frames.get(f);
    }

    public int frameCount() {
        return frames.size();
    }

    /** Tokens in the window. */
    public int count() {
        return start[frames.size()];
    }

    /** Window-wide number of frame {@code f}'s first token. */
    public int start(int f) {
        return start[f];
    }

    /** Whether every cell of every frame holds a token, as pooling and shuffling need. */
    public boolean isFullGrid() {
        int cells = grid.cells();
        for (FrameTokens frame : frames) {
            if (frame.count() != cells) {
                return false;
            }
        }
        return true;
    }

    void requireFullGrid(TokenOperation op) {
        if (!isFullGrid()) {
            throw new IllegalStateException(
                    op.spec() + " needs every cell of the grid, but an earlier operation dropped tokens");
        }
    }

    private void requireWellFormed(int f, FrameTokens frame, int cells) {
        if (frame.values().length != (long) frame.count() * dim) {
            throw new IllegalArgumentException("frame " + f + " holds " + frame.values().length + " floats for "
                    + frame.count() + " tokens of dim " + dim);
        }
        int previous = -1;
        for (int i = 0; i < frame.count(); i++) {
            int cell = frame.cells()[i];
            if (cell <= previous || cell >= cells || frame.sizes()[i] < 1) {
                throw new IllegalArgumentException("frame " + f + " token " + i + " has cell " + cell + " after "
                        + previous + " (grid has " + cells + " cells) and size " + frame.sizes()[i]
                        + "; cells must rise strictly and sizes be ≥ 1");
            }
            previous = cell;
        }
    }
}
