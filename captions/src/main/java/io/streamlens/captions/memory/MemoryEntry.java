package io.streamlens.captions.memory;

import io.streamlens.records.ObjectsSeen;
import java.util.Arrays;
import java.util.Objects;

/**
 * One window of a stream as remembered for questions: its span, what was said about it, that
 * text's sentence embedding, and (for {@code vlm} packs, while the stream's token budget lasts) the
 * compressed visual tokens the caption was made from, and the objects its tracks showed (for
 * questions about objects: how many, when, whether).
 */
public record MemoryEntry(long startMs, long endMs, String text, float[] embedding, int count, int dim, float[] tokens,
                          ObjectsSeen objects) {

    public MemoryEntry {
        tokens = tokens == null ? new float[0] : tokens;
        objects = objects == null ? ObjectsSeen.NOT_LOOKED : objects;
    }

    /** A window remembered without its objects (no detector ran). */
    public MemoryEntry(long startMs, long endMs, String text, float[] embedding, int count, int dim, float[] tokens) {
        this(startMs, endMs, text, embedding, count, dim, tokens, null);
    }

    public MemoryEntry withoutTokens() {
        return new MemoryEntry(startMs, endMs, text, embedding, 0, 0, new float[0], objects);
    }

    public long tokenBytes() {
        return tokens.length * 4L;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryEntry e && startMs == e.startMs && endMs == e.endMs && text.equals(e.text)
                && count == e.count && dim == e.dim && Arrays.equals(embedding, e.embedding) && Arrays.equals(tokens, e.tokens)
                && objects.equals(e.objects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startMs, endMs, text, count, dim) * 31 + Arrays.hashCode(embedding);
    }
}
