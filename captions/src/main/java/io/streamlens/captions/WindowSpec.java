package io.streamlens.captions;

import io.streamlens.records.Durations;
import java.io.Serializable;

/**
 * Chunks with overlap, as long-video systems caption them: windows of {@code windowUs} starting
 * every {@code windowUs - overlapUs}, counted from the stream's first frame.
 */
public record WindowSpec(long windowUs, long overlapUs) implements Serializable {
    public static final WindowSpec DEFAULT = new WindowSpec(4_000_000, 1_000_000);

    public WindowSpec {
        if (windowUs <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + windowUs + " us");
        }
        if (overlapUs < 0 || overlapUs >= windowUs) {
            throw new IllegalArgumentException("overlap must be at least 0 and shorter than the window, got "
                    + overlapUs / 1e6 + " s for a " + windowUs / 1e6 + " s window");
        }
    }

    public long hopUs() {
        return windowUs - overlapUs;
    }

    /** Parses {@code --window 4s --overlap 1s} (also {@code 500ms}, {@code 1m}, plain seconds). */
    public static WindowSpec parse(String window, String overlap) {
        return new WindowSpec(Durations.parse(window).toNanos() / 1000, Durations.parse(overlap).toNanos() / 1000);
    }

}
