package io.streamlens.inference.perception;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sentence embedding, L2-normalised, so the cosine of two is their dot product.
 *
 * @param vector the values; not copied
 */
public record Embedding(float[] vector) {

    public Embedding {
        Objects.requireNonNull(vector, "vector");
    }

    public int dimensions() {
        return vector.length;
    }

    /** Cosine similarity, -1 to 1. */
    public double cosine(Embedding other) {
        if (other.vector.length != vector.length) {
            throw new IllegalArgumentException(vector.length + " vs " + other.vector.length + " dimensions");
        }
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * other.vector[i];
        }
        return dot;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[" + vector.length + "]";
    }
}
