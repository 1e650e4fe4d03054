package io.streamlens.deploy;

import io.streamlens.records.Json;
import io.streamlens.records.Query;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code video.queries}. A record that is not a valid query still becomes one, carrying the
 * problem, so that whoever asked gets an answer saying what was wrong instead of silence.
 */
public class QueryDeserializer implements KafkaRecordDeserializationSchema<Query> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Query> out) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String fallbackId = "offset-" + record.partition() + "-" + record.offset();
        String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        Query query;
        try {
            query = Json.read(value, Query.class);
        } catch (IllegalArgumentException e) {
            out.collect(Query.unreadable(fallbackId, key == null ? "unknown" : key, "The query is not valid JSON: " + e.getMessage()));
            return;
        }
        String streamId = query.streamId() != null ? query.streamId() : key;
        String queryId = query.queryId() != null ? query.queryId() : fallbackId;
        if (streamId == null || streamId.isBlank()) {
            out.collect(Query.unreadable(queryId, "unknown", "The query names no streamId."));
            return;
        }
        out.collect(new Query(queryId, streamId, query.question(), query.fromMs(), query.toMs(), null));
    }

    @Override
    public TypeInformation<Query> getProducedType() {
        return TypeInformation.of(Query.class);
    }
}
