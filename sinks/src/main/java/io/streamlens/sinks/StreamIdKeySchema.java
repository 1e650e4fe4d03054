package io.streamlens.sinks;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/** The Kafka key of a record: its stream id, so that a stream's records stay in one partition, in order. */
public class StreamIdKeySchema<T> implements SerializationSchema<T>, ResultTypeQueryable<T> {
    private final Class<T> type;
    private final KafkaJsonSink.KeyOf<T> key;

    public StreamIdKeySchema(Class<T> type, KafkaJsonSink.KeyOf<T> key) {
        this.type = type;
        this.key = key;
    }

    @Override
    public byte[] serialize(T element) {
        return key.apply(element).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}
