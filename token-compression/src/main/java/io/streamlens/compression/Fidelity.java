package io.streamlens.compression;

import java.util.Arrays;
import java.util.List;

/**
 * How well the kept tokens still describe the encoder's: every encoder token is reconstructed from
 * the kept token that stands for it (the token it was pooled or merged into, the token it was pruned
 * in favour of, or for pixel shuffle its own sub-vector of the wide token) and compared with the
 * original by cosine similarity.
 *
 * @param tokens encoder tokens compared
 * @param meanCosine mean similarity, 1 when nothing was lost
 * @param p5Cosine 5th-percentile similarity (nearest rank): the worst-kept twentieth of tokens do no better
 */
public record Fidelity(int tokens, double meanCosine, double p5Cosine) {

    /** Measures one compressed window against the grids it came from. */
    public static Fidelity measure(List<TokenGrid> originals, Compressed compressed) {
        return of(cosines(originals, compressed));
    }

    /**
     * The similarity of every encoder token to its reconstruction, in window order; callers pooling
     * several windows concatenate these before {@link #of(float[])}, since percentiles do not average.
     */
    public static float[] cosines(List<TokenGrid> originals, Compressed compressed) {
        Provenance provenance = compressed.provenance();
        Tokens kept = compressed.tokens();
        int rawDim = compressed.encoderDim();
        int keptDim = kept.dim();
        int[] keptFrame = frameOfEachToken(kept);
        int encoderTokens = originals.stream().mapToInt(TokenGrid::tokenCount).sum();
        if (encoderTokens != provenance.size() || originals.get(0).dim() != rawDim) {
            throw new IllegalArgumentException("the grids hold " + encoderTokens + " tokens of dim "
                    + originals.get(0).dim() + " but the window was compressed from " + provenance.size()
                    + " of dim " + rawDim);
        }
        float[] cosines = new float[encoderTokens];
        int i = 0;
        for (TokenGrid grid : originals) {
            float[] original = grid.values();
            for (int t = 0; t < grid.tokenCount(); t++, i++) {
                int k = provenance.keptToken(i);
                int f = keptFrame[k];
                float[] keptValues = kept.frame(f).values();
                int from = (k - kept.start(f)) * keptDim + provenance.channelOffset(i);
                cosines[i] = (float) Vectors.cosine(original, t * rawDim, keptValues, from, rawDim);
            }
        }
        return cosines;
    }

    /** Summarises per-token similarities; no tokens measure as perfect. */
    public static Fidelity of(float[] cosines) {
        if (cosines.length == 0) {
            return new Fidelity(0, 1, 1);
        }
        float[] sorted = cosines.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (float c : sorted) {
            sum += c;
        }
        int p5Rank = (int) Math.ceil(0.05 * sorted.length) - 1;
        return new Fidelity(sorted.length, sum / sorted.length, sorted[Math.max(0, p5Rank)]);
    }

    private static int[] frameOfEachToken(Tokens tokens) {
        int[] frame = new int[tokens.count()];
        for (int f = 0; f < tokens.frameCount(); f++) {
            Arrays.fill(frame, tokens.start(f), tokens.start(f) + tokens.frame(f).count(), f);
        }
        return frame;
    }
}
