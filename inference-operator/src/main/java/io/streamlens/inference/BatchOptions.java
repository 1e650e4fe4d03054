package io.streamlens.inference;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@code Batcher} gathers requests from all streams in a JVM into one model call.
 *
 * @param maxBatchSize the most items in one call
 * @param maxWait how long the first item of a batch waits for company before the call goes ahead
 *     with what it has; the latency a lone stream pays for batching
 * @param queueCapacity items that may wait; beyond it a submit fails at once with
 *     {@code overloaded}. Size it at or above slots × async capacity and it never fills, because
 *     Flink's async operator already bounds the requests each subtask has in flight.
 */
public record BatchOptions(int maxBatchSize, Duration maxWait, int queueCapacity) implements Serializable {

    public static final BatchOptions DEFAULTS = new BatchOptions(16, Duration.ofMillis(5), 1024);

    public BatchOptions {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        if (queueCapacity < maxBatchSize) {
            throw new IllegalArgumentException(
                    "queueCapacity " + queueCapacity + " is below maxBatchSize " + maxBatchSize);
        }
    }

    public BatchOptions withMaxBatchSize(int size) {
        return new BatchOptions(size, maxWait, Math.max(queueCapacity, size));
    }

    public BatchOptions withMaxWait(Duration wait) {
        return new BatchOptions(maxBatchSize, wait, queueCapacity);
    }

    public BatchOptions withQueueCapacity(int capacity) {
        return new BatchOptions(maxBatchSize, maxWait, capacity);
    }
}
