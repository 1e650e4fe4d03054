package io.streamlens.captions.memory;

import io.streamlens.records.Caption;
import io.streamlens.records.QueryFilter;
import io.streamlens.records.SpokenWord;
import io.streamlens.records.ObjectsSeen;
import java.util.Arrays;
import java.util.Objects;

/**
 * One window of a stream as remembered for questions: its span, what was said about it, that
 * text's sentence embedding, and (for {@code vlm} packs, while the stream's token budget lasts) the
 * compressed visual tokens the caption was made from, the objects its tracks showed (for
 * questions about objects: how many, when, whether), and the on-screen text and words of its
 * evidence (for questions limited by {@link io.streamlens.records.QueryFilter}).
 *
 * @param onScreen the window's on-screen text lines, joined by newlines
 * @param spoken the window's words, joined by spaces
 */
public record MemoryEntry(long startMs, long endMs, String text, float[] embedding, int count, int dim, float[] tokens,
                          ObjectsSeen objects, String onScreen, String spoken) {

    public MemoryEntry {
        tokens = tokens == null ? new float[0] : tokens;
        objects = objects == null ? ObjectsSeen.NOT_LOOKED : objects;
        onScreen = onScreen == null ? "" : onScreen;
        spoken = spoken == null ? "" : spoken;
    }

    /** A window remembered without its on-screen text and words. */
    public MemoryEntry(long startMs, long endMs, String text, float[] embedding, int count, int dim, float[] tokens,
                       ObjectsSeen objects) {
        this(startMs, endMs, text, embedding, count, dim, tokens, objects, "", "");
    }

    /** A window remembered without its objects (no detector ran). */
    public MemoryEntry(long startMs, long endMs, String text, float[] embedding, int count, int dim, float[] tokens) {
        this(startMs, endMs, text, embedding, count, dim, tokens, null);
    }

    /** A caption's window as remembered, with its evidence's objects, text and words. */
    public static MemoryEntry of(Caption caption, float[] embedding, int count, int dim, float[] tokens) {
        Caption.Evidence evidence = caption.evidence();
        return new MemoryEntry(caption.startMs(), caption.endMs(), caption.text(), embedding, count, dim, tokens,
                evidence.objects(), String.join("\n", evidence.text()),
                String.join(" ", evidence.speech().words().stream().map(SpokenWord::text).toList()));
    }

    public MemoryEntry withoutTokens() {
        return new MemoryEntry(startMs, endMs, text, embedding, 0, 0, new float[0], objects, onScreen, spoken);
    }

    /** The same window reaching to {@code end} (windows merged into one run). */
    public MemoryEntry endingAt(long end) {
        return new MemoryEntry(startMs, end, text, embedding, 0, 0, null, objects, onScreen, spoken);
    }

    /** Whether the window passes a question's structured limits (none: always). */
    public boolean passes(QueryFilter filter) {
        return filter == null || (QueryFilter.holds(onScreen, filter.text()) && QueryFilter.holds(spoken, filter.said())
                && (filter.object() == null || objects.objects().stream().anyMatch(o -> o.label().equalsIgnoreCase(filter.object()))));
    }

    public long tokenBytes() {
        return tokens.length * 4L;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryEntry e && startMs == e.startMs && endMs == e.endMs && text.equals(e.text)
                && count == e.count && dim == e.dim && Arrays.equals(embedding, e.embedding) && Arrays.equals(tokens, e.tokens)
                && objects.equals(e.objects) && onScreen.equals(e.onScreen) && spoken.equals(e.spoken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startMs, endMs, text, count, dim) * 31 + Arrays.hashCode(embedding);
    }
}
