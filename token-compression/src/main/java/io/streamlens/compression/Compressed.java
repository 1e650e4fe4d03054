package io.streamlens.compression;

import java.util.List;
import java.util.Objects;

/**
 * A window after its chain: the kept tokens and, for every encoder token, which kept token stands for
 * it. The provenance is what {@link Fidelity} measures; {@link #toVisualTokens} drops it and copies
 * the kept tokens into the compact record that travels downstream.
 *
 * @param tokens the kept tokens
 * @param provenance for each encoder token of the window, its kept stand-in
 * @param encoderDim width of the encoder's tokens, before any shuffle widened them
 */
public record Compressed(Tokens tokens, Provenance provenance, int encoderDim) {

    public Compressed {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(provenance, "provenance");
    }

    public int rawTokens() {
        return provenance.size();
    }

    public int keptTokens() {
        return tokens.count();
    }

    /** The share of encoder tokens removed, 0 (none) to 1. */
    public double reduction() {
        return rawTokens() == 0 ? 0 : 1 - (double) keptTokens() / rawTokens();
    }

    /** The kept tokens as one flat record; copies them, so it shares no array with the input grids. */
    public KeptTokens toVisualTokens(String streamId, long startMs, long endMs) {
        Grid grid = tokens.grid();
        int dim = tokens.dim();
        int kept = tokens.count();
        float[] values = new float[kept * dim];
        int[] frames = new int[kept];
        int[] rows = new int[kept];
        int[] cols = new int[kept];
        int[] sizes = new int[kept];
        long[] ptsUs = new long[tokens.frameCount()];
        List<FrameTokens> frameTokens = tokens.frames();
        for (int f = 0; f < frameTokens.size(); f++) {
            FrameTokens frame = frameTokens.get(f);
            int base = tokens.start(f);
            ptsUs[f] = frame.ptsUs();
            System.arraycopy(frame.values(), 0, values, base * dim, frame.count() * dim);
            System.arraycopy(frame.sizes(), 0, sizes, base, frame.count());
            for (int i = 0; i < frame.count(); i++) {
                frames[base + i] = f;
                rows[base + i] = grid.sourceRow(frame.cells()[i]);
                cols[base + i] = grid.sourceCol(frame.cells()[i]);
            }
        }
        return new KeptTokens(streamId, startMs, endMs, grid.sourceRows(), grid.sourceCols(), grid.cellSize(),
                dim, rawTokens(), ptsUs, values, frames, rows, cols, sizes);
    }
}
