package io.streamlens.ingest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.KafkaException;

/**
 * Counts a producer's sends and their acknowledgements. {@code KafkaProducer.flush()} waits for
 * every send but reports no failure, so without a callback per record a publisher with no broker,
 * TLS against a plaintext port or a SASL mismatch would say it published what never landed.
 */
final class Delivery {
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /** The callback for one more send. */
    Callback track() {
        sent.incrementAndGet();
        return (metadata, exception) -> {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                firstFailure.compareAndSet(null, exception);
            }
        };
    }

    /**
     * After {@code flush()}: every send so far was acknowledged, or this throws with how many
     * records really landed and why the others did not.
     */
    void confirm(String source) {
        Exception failure = firstFailure.get();
        if (failure != null || acknowledged.get() != sent.get()) {
            throw new KafkaException("publishing " + source + " failed: " + acknowledged.get() + " of " + sent.get()
                    + " records reached the broker"
                    + (failure == null ? "" : " (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")"),
                    failure);
        }
    }

    long acknowledged() {
        return acknowledged.get();
    }
}
