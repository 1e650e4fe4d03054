package io.streamlens.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlens.records.Json;
import io.streamlens.records.Query;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code video.queries}. Every record becomes exactly one query: one that is not a valid
 * question (a tombstone, not JSON, not an object, fields of the wrong type, too long) still becomes
 * one carrying the problem, under the {@code queryId} it gave whenever it gave a readable one, so
 * that whoever asked gets an answer saying what was wrong instead of silence, and no record can
 * reach the operators as {@code null}.
 */
public class QueryDeserializer implements KafkaRecordDeserializationSchema<Query> {
    /** Ids and stream names are short; a longer one is refused rather than kept in keyed state. */
    static final int MAX_ID_CHARS = 256;
    /** A query is a few fields; a bigger record is not read at all. */
    static final int MAX_RECORD_BYTES = 16 * 1024;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Query> out) {
        out.collect(read(record.key(), record.value(), "offset-" + record.partition() + "-" + record.offset()));
    }

    /** The query a record's key and value make; never null, never throws. */
    static Query read(byte[] keyBytes, byte[] value, String fallbackId) {
        String key = keyBytes == null ? null : bounded(new String(keyBytes, StandardCharsets.UTF_8));
        String fallbackStream = key == null || key.isBlank() ? "unknown" : key;
        if (value == null || value.length == 0) {
            return Query.unreadable(fallbackId, fallbackStream, "The record has no value; a query is a JSON object.");
        }
        if (value.length > MAX_RECORD_BYTES) {
            return Query.unreadable(fallbackId, fallbackStream, "The record has " + value.length
                    + " bytes; a query may have at most " + MAX_RECORD_BYTES + ".");
        }
        JsonNode json;
        try {
            json = Json.tree(new String(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Query.unreadable(fallbackId, fallbackStream, "The query is not valid JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            return Query.unreadable(fallbackId, fallbackStream, "The query must be a JSON object, not "
                    + (json == null ? "nothing" : json.getNodeType().name().toLowerCase()) + ".");
        }
        List<String> problems = new ArrayList<>();
        String queryId = text(json, "queryId", problems);
        String streamId = text(json, "streamId", problems);
        String question = text(json, "question", problems);
        Long fromMs = millis(json, "fromMs", problems);
        Long toMs = millis(json, "toMs", problems);
        String id = queryId != null && !queryId.isBlank() ? queryId : fallbackId;
        String stream = streamId != null && !streamId.isBlank() ? streamId : key;
        if (stream != null && stream.isBlank()) {
            stream = null;
        }
        if (!problems.isEmpty()) {
            return Query.unreadable(id, stream == null ? fallbackStream : stream, String.join(" ", problems));
        }
        // No stream id and no key: a question about every stream the job holds.
        return new Query(id, stream, question, fromMs, toMs, null);
    }

    private static String text(JsonNode json, String field, List<String> problems) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (field.equals("queryId") && node.isIntegralNumber()) {
            return node.asText(); // a numeric id is still the asker's id, and they wait for it
        }
        if (!node.isTextual()) {
            problems.add("'" + field + "' must be a string, not " + node.getNodeType().name().toLowerCase() + ".");
            return null;
        }
        if (!field.equals("question") && node.textValue().length() > MAX_ID_CHARS) {
            problems.add("'" + field + "' is longer than " + MAX_ID_CHARS + " characters.");
            return null;
        }
        return node.textValue();
    }

    private static Long millis(JsonNode json, String field, List<String> problems) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            problems.add("'" + field + "' must be a whole number of milliseconds >= 0.");
            return null;
        }
        return node.longValue();
    }

    private static String bounded(String text) {
        return text.length() > MAX_ID_CHARS ? text.substring(0, MAX_ID_CHARS) : text;
    }

    @Override
    public TypeInformation<Query> getProducedType() {
        return TypeInformation.of(Query.class);
    }
}
