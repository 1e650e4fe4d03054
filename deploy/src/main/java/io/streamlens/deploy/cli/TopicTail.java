package io.streamlens.deploy.cli;

import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one JSON topic from its start (read_committed: only records of committed checkpoints)
 * on a thread of its own and hands each record to a listener as it arrives.
 */
public final class TopicTail<T> implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    public TopicTail(KafkaClientConfig kafka, String topic, Class<T> type, Consumer<T> listener) {
        Properties p = kafka.properties();
        p.setProperty("group.id", "streamlens-tail-" + UUID.randomUUID());
        p.setProperty("isolation.level", "read_committed");
        p.setProperty("auto.offset.reset", "earliest");
        thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        listener.accept(Json.read(r.value(), type));
                    }
                }
            }
        }, topic + "-tail");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
