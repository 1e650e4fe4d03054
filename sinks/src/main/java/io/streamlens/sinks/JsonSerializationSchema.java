package io.streamlens.sinks;

import io.streamlens.records.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/** A record as UTF-8 JSON. Typed, so that Flink's lineage reporting need not guess from a lambda. */
public class JsonSerializationSchema<T> implements SerializationSchema<T>, ResultTypeQueryable<T> {
    private final Class<T> type;

    public JsonSerializationSchema(Class<T> type) {
        this.type = type;
    }

    @Override
    public byte[] serialize(T element) {
        return Json.write(element).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}
