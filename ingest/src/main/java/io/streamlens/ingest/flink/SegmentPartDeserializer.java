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
    /**
     * A stream's time counts from its first frame, so a start beyond a century is a forged header;
     * the bound also keeps every later sum of times far from overflowing a {@code long}.
     */
    static final long MAX_START_US = 100L * 365 * 24 * 3600 * 1_000_000;
    /** Header values are short numbers and names; anything longer is not worth reading. */
    private static final int MAX_HEADER_CHARS = 1024;
    /** A stream id is a key of every keyed state; a forged megabyte key would be copied everywhere. */
    static final int MAX_STREAM_ID_CHARS = 256;

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
        } else if (streamId.length() > MAX_STREAM_ID_CHARS) {
            problems.add("stream id of " + streamId.length() + " characters; at most " + MAX_STREAM_ID_CHARS + " are allowed");
            streamId = streamId.substring(0, MAX_STREAM_ID_CHARS);
        }
        long seq = number(record, SegmentHeaders.SEQ, -1, problems);
        long startUs = number(record, SegmentHeaders.START_US, -1, problems);
        if (startUs < -1 || startUs > MAX_START_US) {
            problems.add("header 'start-us' must lie between 0 and " + MAX_START_US + " (a century), got " + startUs);
        }
        long part = number(record, SegmentHeaders.PART, 0, problems);
        long parts = number(record, SegmentHeaders.PARTS, 1, problems);
        String container = text(record, SegmentHeaders.CONTAINER, null);
        if (container == null || container.isBlank()) {
            problems.add("missing header 'container'");
        }
        if (seq < 0 && problems.stream().noneMatch(p -> p.contains("'seq'"))) {
            problems.add("header 'seq' must be >= 0, got " + seq);
        }
        if (parts < 1 || part < 0 || part >= parts || parts > Integer.MAX_VALUE) {
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
        out.collect(new SegmentPart(streamId, seq, startUs, container, last, source, (int) part, (int) parts, bytes, ""));
    }

    private static String text(ConsumerRecord<?, ?> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return fallback;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return value.length() > MAX_HEADER_CHARS ? value.substring(0, MAX_HEADER_CHARS) + "…" : value;
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
