package io.streamlens.deploy.cli;

import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code video.captions} (read_committed: only captions of committed checkpoints) on a
 * thread of its own and hands each caption to a listener as it arrives. Public for
 * {@code bench pipeline}, which times captions as they arrive.
 */
public final class CaptionTail implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    public CaptionTail(KafkaClientConfig kafka, Consumer<Caption> listener) {
        Properties p = kafka.properties();
        p.setProperty("group.id", "streamlens-tail-" + UUID.randomUUID());
        p.setProperty("isolation.level", "read_committed");
        p.setProperty("auto.offset.reset", "earliest");
        thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(java.util.List.of(Topics.CAPTIONS));
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        listener.accept(Json.read(r.value(), Caption.class));
                    }
                }
            }
        }, "caption-tail");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
