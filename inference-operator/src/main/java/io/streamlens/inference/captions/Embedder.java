package io.streamlens.inference.captions;

/** Sentence embeddings, L2-normalised, so that a dot product is a cosine similarity. */
@FunctionalInterface
public interface Embedder {
    float[] embed(String text) throws Exception;
}
