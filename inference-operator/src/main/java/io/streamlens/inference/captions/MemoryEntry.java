package io.streamlens.inference.captions;

import java.util.Arrays;
import java.util.Objects;

/**
 * One window of a stream as remembered for questions: its span, what was said about it (the
 * caption and the on-screen text) and that text's sentence embedding.
 */
public record MemoryEntry(long startMs, long endMs, String text, float[] embedding) {

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryEntry e && startMs == e.startMs && endMs == e.endMs && text.equals(e.text)
                && Arrays.equals(embedding, e.embedding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startMs, endMs, text) * 31 + Arrays.hashCode(embedding);
    }
}
