package io.streamlens.deploy.bench;

import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.SegmentHeaders;
import io.streamlens.records.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each segment of each stream was complete in {@code video.segments} (the Kafka timestamp of
 * its last part), read back after a live benchmark, so that a caption's latency can be counted
 * from the arrival of the segment that completed its window, whatever the source's keyframe
 * spacing made the segments' length.
 */
final class SegmentArrivals {
    private final Map<String, NavigableMap<Long, Long>> arrivalByStartUs;

    private SegmentArrivals(Map<String, NavigableMap<Long, Long>> arrivalByStartUs) {
        this.arrivalByStartUs = arrivalByStartUs;
    }

    /** Reads the whole topic as it stands (the publishers are done). */
    static SegmentArrivals read(KafkaClientConfig kafka) {
        Properties p = kafka.properties();
        p.setProperty("group.id", "streamlens-bench-arrivals-" + UUID.randomUUID());
        p.setProperty("auto.offset.reset", "earliest");
        Map<String, NavigableMap<Long, Long>> arrivals = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SEGMENTS));
            int emptyPolls = 0;
            while (emptyPolls < 5) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    Header start = r.headers().lastHeader(SegmentHeaders.START_US);
                    if (r.key() != null && start != null) {
                        long startUs = Long.parseLong(new String(start.value(), StandardCharsets.UTF_8));
                        arrivals.computeIfAbsent(r.key(), k -> new TreeMap<>()).merge(startUs, r.timestamp(), Math::max);
                    }
                }
            }
        }
        return new SegmentArrivals(arrivals);
    }

    /** When the segment holding the instant just before {@code endMs} of the stream arrived, or -1 if unknown. */
    long completedWindowAt(String streamId, long endMs) {
        NavigableMap<Long, Long> segments = arrivalByStartUs.get(streamId);
        Map.Entry<Long, Long> holding = segments == null ? null : segments.floorEntry(endMs * 1000 - 1);
        return holding == null ? -1 : holding.getValue();
    }
}
