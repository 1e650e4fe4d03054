package io.streamlens.inference.shedding;

import java.io.Serializable;

/**
 * Whether a job sheds model work when it runs behind its streams ({@link LoadShedder}).
 *
 * @param enabled on for live jobs ({@code run}); off for bounded ones ({@code annotate}, {@code demo}),
 *     which want every model on every frame however long it takes
 * @param targetMs how far behind a segment's arrival its analysis may finish before the job sheds
 *     more; below half of it the job sheds less again
 */
public record SheddingOptions(boolean enabled, long targetMs) implements Serializable {
    public static final SheddingOptions OFF = new SheddingOptions(false, 1);
    /** Captions within about ten seconds of real time: 4 s for analysis, the rest for the window to close. */
    public static final SheddingOptions LIVE = new SheddingOptions(true, 4_000);

    public SheddingOptions {
        if (targetMs <= 0 || targetMs > 3_600_000) {
            throw new IllegalArgumentException("the latency target is between 1 ms and an hour, got " + targetMs + " ms");
        }
    }

    /** The target when shedding is on, else 0 (the operators' own way of saying never). */
    public long activeTargetMs() {
        return enabled ? targetMs : 0;
    }

    /** Shedding to keep analysis within {@code seconds} of arrival; 0 turns it off. */
    public static SheddingOptions targetSeconds(double seconds) {
        if (!(seconds >= 0) || seconds > 3600) {
            throw new IllegalArgumentException("the latency target is 0 (off) to 3600 seconds, got " + seconds);
        }
        return seconds == 0 ? OFF : new SheddingOptions(true, Math.max(1, Math.round(seconds * 1000)));
    }
}
