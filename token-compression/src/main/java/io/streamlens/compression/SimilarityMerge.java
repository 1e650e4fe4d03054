package io.streamlens.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code merge:<n>[:sketch|:exact]}: merges similar tokens until each frame has at most {@code n},
 * by ToMe's bipartite soft matching (Bolya et al., 2023), repeated: see {@link BipartiteMerge}.
 * {@code sketch} (the default) shortlists each token's partners by a cheap sketch and decides by exact
 * cosine; {@code exact} compares every pair, for reference and small grids.
 */
public record SimilarityMerge(int maxTokens, Matching matching) implements TokenOperation {

    public enum Matching {
        SKETCH("sketch"), EXACT("exact");

        private final String spec;

        Matching(String spec) {
            this.spec = spec;
        }

        static Matching parse(String text) {
            for (Matching m : values()) {
                if (m.spec.equals(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("merge matching must be 'sketch' or 'exact', got '" + text + "'");
        }
    }

    public SimilarityMerge {
        Objects.requireNonNull(matching, "matching");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("merge needs a token count ≥ 1, got '" + maxTokens + "'");
        }
    }

    static SimilarityMerge parse(List<String> args) {
        ChainArguments.requireCount("merge", args, 1, 2, "merge:<tokens per frame>[:sketch|:exact]");
        int n = ChainArguments.integer(args.get(0), 1, "merge needs a token count ≥ 1");
        return new SimilarityMerge(n, args.size() == 2 ? Matching.parse(args.get(1)) : Matching.SKETCH);
    }

    @Override
    public String name() {
        return "merge";
    }

    @Override
    public String spec() {
        return "merge:" + maxTokens + (matching == Matching.SKETCH ? "" : ":" + matching.spec);
    }

    @Override
    public Reduced apply(Tokens in) {
        int[] representative = new int[in.count()];
        List<FrameTokens> frames = new ArrayList<>(in.frameCount());
        int largest = in.frames().stream().mapToInt(FrameTokens::count).max().orElse(0);
        float[] work = largest > maxTokens ? new float[largest * in.dim()] : null;
        int outBase = 0;
        for (int f = 0; f < in.frameCount(); f++) {
            FrameTokens frame = in.frame(f);
            FrameTokens merged;
            if (frame.count() <= maxTokens) {
                merged = frame;
                for (int i = 0; i < frame.count(); i++) {
                    representative[in.start(f) + i] = outBase + i;
                }
            } else {
                merged = new BipartiteMerge(frame, in.dim(), matching == Matching.EXACT, work)
                        .mergeTo(maxTokens, representative, in.start(f), outBase);
            }
            frames.add(merged);
            outBase += merged.count();
        }
        return Reduced.sameWidth(new Tokens(in.grid(), in.dim(), frames), representative);
    }
}
