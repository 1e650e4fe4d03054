package io.streamlens.inference.voice;

/**
 * Where the model heard speech on a stream's clock (µs from the source's first frame), without
 * padding: from the start of the chunk that opened the span to the start of the silence that
 * closed it.
 */
public record VoicedSpan(long startUs, long endUs) {
    public VoicedSpan {
        if (endUs < startUs) {
            throw new IllegalArgumentException("span ends before it starts: " + startUs + ".." + endUs);
        }
    }

    public long durationUs() {
        return endUs - startUs;
    }

    /** How much of {@code [fromUs, toUs)} this span covers. */
    public long overlapUs(long fromUs, long toUs) {
        return Math.max(0, Math.min(endUs, toUs) - Math.max(startUs, fromUs));
    }
}
