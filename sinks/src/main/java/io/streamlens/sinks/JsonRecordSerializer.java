package io.streamlens.sinks;

import io.streamlens.records.Json;
import io.streamlens.records.StageClock;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A record as a Kafka message: key the stream id, value the UTF-8 JSON. The message timestamp is
 * left to the producer (wall-clock time): a Flink element's timestamp may be a timer's, such as
 * the end-of-input {@code Long.MAX_VALUE}, which brokers refuse.
 */
public class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T>, ResultTypeQueryable<T> {
    private final String topic;
    private final Class<T> type;
    private final KafkaJsonSink.KeyOf<T> key;

    public JsonRecordSerializer(String topic, Class<T> type, KafkaJsonSink.KeyOf<T> key) {
        this.topic = topic;
        this.type = type;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        long started = StageClock.start();
        try {
            String k = key.apply(element);
            // An answer to a question about every stream belongs to no one stream: it goes without a key.
            return new ProducerRecord<>(topic, null, null,
                    k == null ? null : k.getBytes(StandardCharsets.UTF_8), Json.write(element).getBytes(StandardCharsets.UTF_8));
        } finally {
            StageClock.stop("sinks", started);
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}
