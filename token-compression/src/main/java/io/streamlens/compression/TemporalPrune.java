package io.streamlens.compression;

import java.util.Arrays;
import java.util.List;

/**
 * {@code temporal:<τ>}: drops a token whose cosine similarity to the reference at its cell is at
 * least τ, where a cell's reference is the last token kept at that cell. Static backgrounds shrink to
 * their first appearance; anything that changes is kept and becomes the new reference.
 *
 * <p>The reference moves only when a token is kept, never to a dropped one, so slow drift cannot
 * creep past τ one small step at a time: every dropped token is within τ of a token the model sees.
 * The first frame of the window has no references and keeps everything. References do not cross
 * windows; a caller wanting that can put the previous window's last frame first and drop frame 0's
 * tokens from the result.
 */
public record TemporalPrune(double threshold) implements TokenOperation {

    public TemporalPrune {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("temporal needs a threshold in (0, 1], got '" + threshold + "'");
        }
    }

    static TemporalPrune parse(List<String> args) {
        ChainArguments.requireCount("temporal", args, 1, 1, "temporal:<threshold>");
        return new TemporalPrune(ChainArguments.number(args.get(0), 0, 1, "temporal needs a threshold in (0, 1]"));
    }

    @Override
    public String name() {
        return "temporal";
    }

    @Override
    public String spec() {
        return "temporal:" + threshold;
    }

    @Override
    public Reduced apply(Tokens in) {
        int dim = in.dim();
        int cells = in.grid().cells();
        int[] refFrame = new int[cells];
        Arrays.fill(refFrame, -1);
        int[] refIndex = new int[cells];
        float[] refSquaredNorm = new float[cells];
        int[] refKept = new int[cells];
        int[] representative = new int[in.count()];
        boolean[] keep = new boolean[in.count()];
        int kept = 0;
        for (int f = 0; f < in.frameCount(); f++) {
            FrameTokens frame = in.frame(f);
            float[] v = frame.values();
            for (int i = 0; i < frame.count(); i++) {
                int g = in.start(f) + i;
                int cell = frame.cells()[i];
                float squaredNorm = Vectors.squaredNorm(v, i * dim, dim);
                if (refFrame[cell] >= 0) {
                    float[] ref = in.frame(refFrame[cell]).values();
                    float dot = Vectors.dot(v, i * dim, ref, refIndex[cell] * dim, dim);
                    if (Vectors.cosine(dot, squaredNorm, refSquaredNorm[cell]) >= threshold) {
                        representative[g] = refKept[cell];
                        continue;
                    }
                }
                keep[g] = true;
                representative[g] = kept++;
                refFrame[cell] = f;
                refIndex[cell] = i;
                refSquaredNorm[cell] = squaredNorm;
                refKept[cell] = representative[g];
            }
        }
        return Reduced.sameWidth(Selection.keep(in, keep, representative, kept), representative);
    }
}
