package io.streamlens.inference.perception;

import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;

/** Sentence embeddings from the perception pack's all-MiniLM-L6-v2, shared per JVM. */
public final class PerceptionEmbedder implements AutoCloseable {
    private final PackHandle handle;

    public PerceptionEmbedder(RuntimeOptions runtime) {
        this.handle = SharedSessions.acquire("perception", runtime);
    }

    /** L2-normalised, so that a dot product is a cosine similarity. */
    public float[] embed(String text) {
        return handle.perception().embed(text).vector();
    }

    @Override
    public void close() {
        handle.close();
    }
}
