package io.streamlens.ingest.flink;

import io.streamlens.records.SegmentHeaders;
import io.streamlens.records.SegmentPart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads {@code video.segments} records into {@link SegmentPart}s from their headers. Never
 * throws on bad input: a record that breaks the contract becomes a malformed part naming what is
 * wrong, for the dead-letter topic, and the stream goes on.
 */
public class SegmentPartDeserializer implements KafkaRecordDeserializationSchema<SegmentPart> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SegmentPart> out) {
        byte[] bytes = record.value() == null ? new byte[0] : record.value();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String streamId = text(record, SegmentHeaders.STREAM_ID, key);
        String source = text(record, SegmentHeaders.SOURCE, "");
        List<String> problems = new ArrayList<>();
        if (streamId == null || streamId.isBlank()) {
            problems.add("no stream id (neither a key nor a 'stream-id' header)");
            streamId = "unknown";
        }
        long seq = number(record, SegmentHeaders.SEQ, -1, problems);
        long startUs = number(record, SegmentHeaders.START_US, -1, problems);
        int part = (int) number(record, SegmentHeaders.PART, 0, problems);
        int parts = (int) number(record, SegmentHeaders.PARTS, 1, problems);
        String container = text(record, SegmentHeaders.CONTAINER, null);
        if (container == null || container.isBlank()) {
            problems.add("missing header 'container'");
        }
        if (seq < 0 && problems.stream().noneMatch(p -> p.contains("'seq'"))) {
            problems.add("header 'seq' must be >= 0, got " + seq);
        }
        if (parts < 1 || part < 0 || part >= parts) {
            problems.add("part " + part + " of " + parts + " is not a valid part index");
        }
        if (bytes.length == 0) {
            problems.add("the record has no bytes");
        }
        if (!problems.isEmpty()) {
            out.collect(SegmentPart.malformed(streamId, source, bytes, String.join("; ", problems)));
            return;
        }
        boolean last = Boolean.parseBoolean(text(record, SegmentHeaders.LAST, "false"));
        out.collect(new SegmentPart(streamId, seq, startUs, container, last, source, part, parts, bytes, ""));
    }

    private static String text(ConsumerRecord<?, ?> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long number(ConsumerRecord<?, ?> record, String name, long fallback, List<String> problems) {
        String value = text(record, name, null);
        if (value == null) {
            if (fallback < 0) {
                problems.add("missing header '" + name + "'");
            }
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add("header '" + name + "' is not a number: '" + value + "'");
            return fallback;
        }
    }

    @Override
    public TypeInformation<SegmentPart> getProducedType() {
        return TypeInformation.of(SegmentPart.class);
    }
}
