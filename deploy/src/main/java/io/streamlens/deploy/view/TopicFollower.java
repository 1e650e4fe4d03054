package io.streamlens.deploy.view;

import io.streamlens.ingest.flink.SegmentPartDeserializer;
import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Feeds the viewer from the job's topics on a thread of its own: captions, chapters and alerts from
 * the beginning (read_committed, so only what the job committed), and only the newest segments of
 * {@code video.segments}, since archived video plays from its file and live video a few seconds
 * behind. Every record is untrusted: one that does not parse is counted and skipped.
 */
public final class TopicFollower implements AutoCloseable {
    /** How many records back from the end of each segments partition the viewer starts. */
    static final int RECENT_SEGMENT_RECORDS = 64;
    /** Larger caption or mark records are not JSON the job writes; skip them unread. */
    static final int MAX_RECORD_BYTES = 1024 * 1024;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final StreamCatalog catalog;
    private final LiveSegments segments;
    private final SegmentPartDeserializer segmentParts = new SegmentPartDeserializer();
    private final AtomicLong skipped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public TopicFollower(KafkaClientConfig kafka, StreamCatalog catalog, LiveSegments segments) {
        this.catalog = catalog;
        this.segments = segments;
        Properties p = kafka.properties();
        p.setProperty("group.id", "streamlens-view-" + UUID.randomUUID());
        p.setProperty("isolation.level", "read_committed");
        p.setProperty("auto.offset.reset", "earliest");
        p.setProperty("enable.auto.commit", "false");
        p.setProperty("allow.auto.create.topics", "false");
        p.setProperty("metadata.max.age.ms", "5000"); // topics created later (alerts, summaries) are found soon
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::follow, "viewer-topics");
        thread.setDaemon(true);
    }

    public TopicFollower start() {
        thread.start();
        return this;
    }

    /** Records that could not be read. */
    public long skipped() {
        return skipped.get();
    }

    private void follow() {
        try {
            consumer.subscribe(List.of(Topics.CAPTIONS, Topics.ALERTS, Topics.SUMMARIES, Topics.SEGMENTS), new StartSegmentsNearTheEnd());
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    accept(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    void accept(ConsumerRecord<byte[], byte[]> r) {
        if (Topics.SEGMENTS.equals(r.topic())) {
            segmentParts.deserialize(r, new Collector<>() {
                @Override
                public void collect(SegmentPart part) {
                    segments.add(part);
                }

                @Override
                public void close() {
                }
            });
            return;
        }
        if (r.value() == null || r.value().length > MAX_RECORD_BYTES) {
            skipped.incrementAndGet();
            return;
        }
        String json = new String(r.value(), StandardCharsets.UTF_8);
        boolean used = switch (r.topic()) {
            case Topics.CAPTIONS -> caption(json);
            case Topics.ALERTS -> mark(TimelineMark.ALERT, json);
            case Topics.SUMMARIES -> mark(TimelineMark.CHAPTER, json);
            default -> false;
        };
        if (!used) {
            skipped.incrementAndGet();
        }
    }

    private boolean caption(String json) {
        try {
            catalog.add(Json.read(json, Caption.class));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean mark(String kind, String json) {
        TimelineMark mark = TimelineMark.read(kind, json);
        if (mark != null) {
            catalog.add(mark);
        }
        return mark != null;
    }

    private final class StartSegmentsNearTheEnd implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<TopicPartition> segmentPartitions = partitions.stream().filter(tp -> Topics.SEGMENTS.equals(tp.topic())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(segmentPartitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(segmentPartitions);
            ends.forEach((tp, end) -> consumer.seek(tp, Math.max(beginnings.getOrDefault(tp, 0L), end - RECENT_SEGMENT_RECORDS)));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
