package io.streamlens.compression;

import java.util.ArrayList;
import java.util.List;

/** Builds the output of an operation that keeps some tokens as they are and drops the rest. */
final class Selection {

    private Selection() {
    }

    /**
     * The tokens flagged in {@code keep}, in their order. {@code representative} maps every input
     * token to its kept stand-in; a kept token's size grows by the sizes of the tokens it stands for.
     * A frame that loses nothing passes its arrays through uncopied.
     */
    static Tokens keep(Tokens in, boolean[] keep, int[] representative, int keptCount) {
        int dim = in.dim();
        int[] keptSizes = new int[keptCount];
        for (int f = 0; f < in.frameCount(); f++) {
            int[] sizes = in.frame(f).sizes();
            for (int i = 0; i < sizes.length; i++) {
                keptSizes[representative[in.start(f) + i]] += sizes[i];
            }
        }
        List<FrameTokens> frames = new ArrayList<>(in.frameCount());
        int next = 0;
        for (int f = 0; f < in.frameCount(); f++) {
            FrameTokens frame = in.frame(f);
            int base = in.start(f);
            int count = 0;
            for (int i = 0; i < frame.count(); i++) {
                if (keep[base + i]) {
                    count++;
                }
            }
            float[] values = count == frame.count() ? frame.values() : new float[count * dim];
            int[] cells = count == frame.count() ? frame.cells() : new int[count];
            int[] sizes = new int[count];
            int k = 0;
            for (int i = 0; i < frame.count(); i++) {
                if (keep[base + i]) {
                    if (count != frame.count()) {
                        System.arraycopy(frame.values(), i * dim, values, k * dim, dim);
                        cells[k] = frame.cells()[i];
                    }
                    sizes[k++] = keptSizes[next++];
                }
            }
            frames.add(new FrameTokens(frame.ptsUs(), frame.novelty(), values, cells, sizes));
        }
        return new Tokens(in.grid(), dim, frames);
    }
}
