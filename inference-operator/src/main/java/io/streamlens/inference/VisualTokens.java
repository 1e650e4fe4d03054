package io.streamlens.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rows of visual features, as a vision encoder produces them and a decoder takes them in place of
 * its image placeholders: {@code count} rows of {@code hidden} floats, row-major. Compression
 * between encoder and decoder changes {@code count}, never {@code hidden}.
 *
 * @param count number of tokens (rows), at least 1
 * @param hidden features per token
 * @param values {@code count * hidden} finite floats; not copied
 */
public record VisualTokens(int count, int hidden, float[] values) {

    public VisualTokens {
        Objects.requireNonNull(values, "values");
        if (count < 1 || hidden < 1 || (long) count * hidden != values.length) {
            throw new InferenceException(FailureReason.SHAPE_MISMATCH,
                    values.length + " values are not " + count + " tokens x " + hidden + " features");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InferenceException(FailureReason.NON_FINITE_INPUT,
                        "visual token " + (i / hidden) + " feature " + (i % hidden) + " is " + values[i]);
            }
        }
    }

    /** A copy of one token's features. */
    public float[] row(int token) {
        return Arrays.copyOfRange(values, token * hidden, (token + 1) * hidden);
    }

    /** The mean of all tokens as a single token: the crudest compression, and a handy test probe. */
    public VisualTokens meanPooled() {
        float[] mean = new float[hidden];
        for (int t = 0; t < count; t++) {
            for (int f = 0; f < hidden; f++) {
                mean[f] += values[t * hidden + f];
            }
        }
        for (int f = 0; f < hidden; f++) {
            mean[f] /= count;
        }
        return new VisualTokens(1, hidden, mean);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VisualTokens v && count == v.count && hidden == v.hidden && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return (31 * count + hidden) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "VisualTokens[" + count + "x" + hidden + "]";
    }
}
