package io.streamlens.records;

import java.util.Objects;

/**
 * A word recognised in a stream's audio, on the same clock as its frames.
 *
 * @param confidence the recogniser's confidence, 0..1
 */
public record SpokenWord(String text, long startMs, long endMs, double confidence) {
    public SpokenWord {
        Objects.requireNonNull(text, "text");
    }
}
