package io.streamlens.captions;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a job cuts each stream into caption windows: everything {@code CaptionWindow} needs.
 *
 * @param spec window length and overlap ({@code --window}, {@code --overlap})
 * @param idleTimeout after this long without segments, a live stream's open windows are captioned
 *     and its window state (and unfinished speech) freed
 */
public record WindowOptions(WindowSpec spec, Duration idleTimeout) implements Serializable {
    public static final WindowOptions DEFAULT = new WindowOptions(WindowSpec.DEFAULT, Duration.ofMinutes(10));

    public WindowOptions {
        Objects.requireNonNull(spec, "spec");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, got " + idleTimeout);
        }
    }

    public WindowOptions withSpec(WindowSpec value) {
        return new WindowOptions(value, idleTimeout);
    }
}
