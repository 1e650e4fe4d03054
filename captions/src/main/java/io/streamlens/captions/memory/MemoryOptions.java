package io.streamlens.captions.memory;

import java.io.Serializable;
import java.time.Duration;

/**
 * How much of each stream the question memory keeps and for how long: everything
 * {@code AnswerQuery} needs besides whether the input ends.
 *
 * @param windows how many caption windows a stream's memory keeps (the newest)
 * @param tokenBytes compressed visual tokens kept per stream; older windows keep their text and
 *     embedding only
 * @param ttl how long the memory of a stream without new captions is kept
 * @param waitForStream how long a live question about a stream not seen yet waits for it
 */
public record MemoryOptions(int windows, long tokenBytes, Duration ttl, Duration waitForStream) implements Serializable {
    public static final MemoryOptions DEFAULT =
            new MemoryOptions(10_000, 16L * 1024 * 1024, Duration.ofDays(7), Duration.ofSeconds(30));

    public MemoryOptions {
        if (windows < 1) {
            throw new IllegalArgumentException("the question memory must keep at least one window, got " + windows);
        }
        if (tokenBytes < 0) {
            throw new IllegalArgumentException("the token budget cannot be negative, got " + tokenBytes);
        }
        if (ttl.isNegative() || ttl.isZero() || waitForStream.isNegative()) {
            throw new IllegalArgumentException("the memory's time to live must be positive and the wait for a stream "
                    + "not negative, got " + ttl + " and " + waitForStream);
        }
    }

    public MemoryOptions withWindows(int value) {
        return new MemoryOptions(value, tokenBytes, ttl, waitForStream);
    }

    public MemoryOptions withTokenBytes(long value) {
        return new MemoryOptions(windows, value, ttl, waitForStream);
    }

    public MemoryOptions withTtl(Duration value) {
        return new MemoryOptions(windows, tokenBytes, value, waitForStream);
    }
}
