package io.streamlens.sinks;

import io.streamlens.records.KafkaClientConfig;
import java.io.Serializable;
import java.util.function.Function;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * A {@link KafkaSink} writing records as UTF-8 JSON, keyed by stream id, with the client
 * properties of {@code --kafka-config} (TLS, SASL) applied.
 */
public final class KafkaJsonSink {
    private KafkaJsonSink() {
    }

    /** Extracts the Kafka key (the stream id) of a record. */
    @FunctionalInterface
    public interface KeyOf<T> extends Function<T, String>, Serializable {
    }

    /**
     * @param transactionalIdPrefix unique per job and topic; used only with exactly-once
     */
    public static <T> KafkaSink<T> build(KafkaClientConfig kafka, String topic, Class<T> type, KeyOf<T> key,
                                         DeliveryGuarantee guarantee, String transactionalIdPrefix) {
        java.util.Properties producer = kafka.properties();
        // Brokers refuse transactions longer than their transaction.max.timeout.ms (15 min by default).
        producer.putIfAbsent("transaction.timeout.ms", String.valueOf(15 * 60 * 1000));
        return KafkaSink.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new JsonRecordSerializer<>(topic, type, key))
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .build();
    }
}
