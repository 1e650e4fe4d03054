package io.streamlens.compression;

import java.util.Objects;

/**
 * What one operation made of its input: the output tokens, and for every input token the output
 * token that now stands for it (the pooled, shuffled or merged token it went into, or the kept token
 * it was pruned in favour of).
 *
 * @param output the tokens after the operation
 * @param representative for input token {@code i} (window-wide numbering), the output token standing for it
 * @param offset for input token {@code i}, where its channels start inside that output token: 0 unless
 *     the operation widened tokens by concatenating them (pixel shuffle)
 */
public record Reduced(Tokens output, int[] representative, int[] offset) {

    public Reduced {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(representative, "representative");
        Objects.requireNonNull(offset, "offset");
        if (representative.length != offset.length) {
            throw new IllegalArgumentException(
                    representative.length + " representatives but " + offset.length + " offsets");
        }
        int kept = output.count();
        for (int i = 0; i < representative.length; i++) {
            if (representative[i] < 0 || representative[i] >= kept || offset[i] < 0 || offset[i] >= output.dim()) {
                throw new IllegalArgumentException("input token " + i + " maps to token " + representative[i]
                        + " at offset " + offset[i] + ", outside " + kept + " tokens of dim " + output.dim());
            }
        }
    }

    /** A result whose tokens kept their width, so every input token's channels start at 0. */
    static Reduced sameWidth(Tokens output, int[] representative) {
        return new Reduced(output, representative, new int[representative.length]);
    }
}
