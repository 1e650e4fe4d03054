package io.streamlens.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code merge:<n>[:local|:global]}: merges similar tokens until each frame has at most {@code n},
 * by ToMe's bipartite soft matching (Bolya et al., 2023), repeated: see {@link BipartiteMerge}.
 *
 * <p>{@code local} (the default) looks for each token's match only among nearby cells, which keeps
 * matching linear in the number of tokens: exact global matching of a 27×27×1152 SigLIP frame costs
 * about 150 M multiply-adds in its first round alone, ten times the 5 ms budget on one core, while
 * the local search costs a few M and merges into spatially contiguous regions, so a merged token's
 * position still says where it is. {@code global} is ToMe exactly, for comparison and for small grids.
 */
public record SimilarityMerge(int maxTokens, Scope scope) implements TokenOperation {

    public enum Scope {
        LOCAL("local"), GLOBAL("global");

        private final String spec;

        Scope(String spec) {
            this.spec = spec;
        }

        static Scope parse(String text) {
            for (Scope s : values()) {
                if (s.spec.equals(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("merge scope must be 'local' or 'global', got '" + text + "'");
        }
    }

    public SimilarityMerge {
        Objects.requireNonNull(scope, "scope");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("merge needs a token count ≥ 1, got '" + maxTokens + "'");
        }
    }

    static SimilarityMerge parse(List<String> args) {
        ChainArguments.requireCount("merge", args, 1, 2, "merge:<tokens per frame>[:local|:global]");
        int n = ChainArguments.integer(args.get(0), 1, "merge needs a token count ≥ 1");
        return new SimilarityMerge(n, args.size() == 2 ? Scope.parse(args.get(1)) : Scope.LOCAL);
    }

    @Override
    public String name() {
        return "merge";
    }

    @Override
    public String spec() {
        return "merge:" + maxTokens + (scope == Scope.LOCAL ? "" : ":" + scope.spec);
    }

    @Override
    public Reduced apply(Tokens in) {
        int[] representative = new int[in.count()];
        List<FrameTokens> frames = new ArrayList<>(in.frameCount());
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
                merged = new BipartiteMerge(frame, in.grid(), in.dim(), scope == Scope.GLOBAL)
                        .mergeTo(maxTokens, representative, in.start(f), outBase);
            }
            frames.add(merged);
            outBase += merged.count();
        }
        return Reduced.sameWidth(new Tokens(in.grid(), in.dim(), frames), representative);
    }
}
