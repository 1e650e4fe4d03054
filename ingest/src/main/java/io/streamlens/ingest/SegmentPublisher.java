package io.streamlens.ingest;

import io.streamlens.records.DeadLetter;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.SegmentHeaders;
import io.streamlens.records.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes sources into {@code video.segments} as keyframe-aligned segments with the headers of
 * the contract, splitting segments larger than a message into parts. A source that cannot be used
 * becomes a {@code video.deadletter} record instead; damage found part-way is reported there too,
 * after the good segments.
 */
public final class SegmentPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentPublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final PublishOptions options;

    public SegmentPublisher(KafkaClientConfig kafka, PublishOptions options) {
        this.options = options;
        Properties p = kafka.properties();
        p.putIfAbsent("acks", "all");
        p.putIfAbsent("enable.idempotence", "true");
        p.putIfAbsent("linger.ms", "5");
        // A publisher facing no broker, or one that refuses it, should say so within a minute,
        // not after Kafka's defaults of one minute blocked plus two more retrying.
        p.putIfAbsent("max.block.ms", "30000");
        p.putIfAbsent("delivery.timeout.ms", "60000");
        // Headers and framing need room beyond the part itself.
        p.putIfAbsent("max.request.size", String.valueOf(options.maxPartBytes() + 64 * 1024));
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one source as stream {@code streamId}; returns what was sent and any dead letter. */
    public PublishReport publish(String source, String streamId) {
        long wallStartNanos = System.nanoTime();
        // Per call: sources may be published from several threads through this one producer.
        Delivery delivery = new Delivery();
        try (Segmenter segmenter = Segmenter.open(source, options.segmenter())) {
            SourceSummary summary = segmenter.forEach(segment -> {
                if (options.realtime()) {
                    waitUntil(wallStartNanos + (segment.startUs() + segment.durationUs()) * 1000L);
                }
                send(source, streamId, segment, delivery);
            });
            Optional<DeadLetter> damage = summary.problem()
                    .map(p -> DeadLetter.of(streamId, -1, source, p.reason(), p.detail()));
            damage.ifPresent(letter -> sendDeadLetter(letter, delivery));
            producer.flush();
            delivery.confirm(source);
            return new PublishReport(streamId, source, summary.segments(), summary.videoUs(), damage);
        } catch (IngestException e) {
            DeadLetter letter = DeadLetter.of(streamId, -1, source, e.reason(), e.getMessage());
            sendDeadLetter(letter, delivery);
            producer.flush();
            delivery.confirm(source);
            return new PublishReport(streamId, source, 0, 0, Optional.of(letter));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + source, e);
        } catch (KafkaException e) {
            throw e; // the broker, not the source, is at fault: the caller must know
        } catch (Exception e) {
            // Anything else FFmpeg or a damaged source throws is the source's problem, not the run's.
            DeadLetter letter = DeadLetter.of(streamId, -1, source, DeadLetterReason.UNREADABLE,
                    "reading the source failed: " + e);
            sendDeadLetter(letter, delivery);
            producer.flush();
            delivery.confirm(source);
            return new PublishReport(streamId, source, 0, 0, Optional.of(letter));
        }
    }

    private void send(String source, String streamId, Segment segment, Delivery delivery) {
        List<byte[]> parts = PartSplitter.split(segment.bytes(), options.maxPartBytes());
        for (int i = 0; i < parts.size(); i++) {
            RecordHeaders headers = new RecordHeaders();
            header(headers, SegmentHeaders.STREAM_ID, streamId);
            header(headers, SegmentHeaders.SEQ, Long.toString(segment.seq()));
            header(headers, SegmentHeaders.START_US, Long.toString(segment.startUs()));
            header(headers, SegmentHeaders.CONTAINER, segment.container());
            header(headers, SegmentHeaders.LAST, Boolean.toString(segment.last()));
            header(headers, SegmentHeaders.PART, Integer.toString(i));
            header(headers, SegmentHeaders.PARTS, Integer.toString(parts.size()));
            header(headers, SegmentHeaders.SOURCE, source);
            producer.send(new ProducerRecord<>(options.topic(), null, streamId, parts.get(i), headers), delivery.track());
        }
        LOG.debug("{} segment {} at {} us: {} bytes in {} part(s)", streamId, segment.seq(), segment.startUs(),
                segment.bytes().length, parts.size());
    }

    private void sendDeadLetter(DeadLetter letter, Delivery delivery) {
        LOG.warn("{} ({}): {} — {}", letter.streamId(), letter.source(), letter.reason(), letter.detail());
        producer.send(new ProducerRecord<>(options.deadLetterTopic(), letter.streamId(),
                Json.write(letter).getBytes(StandardCharsets.UTF_8)), delivery.track());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void waitUntil(long nanoTime) throws InterruptedException {
        long waitNanos = nanoTime - System.nanoTime();
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /**
     * @param topic where segments go ({@value Topics#SEGMENTS} by default)
     * @param deadLetterTopic where unusable sources are reported
     * @param maxPartBytes segments larger than this are split into parts
     * @param realtime pace segments at the video's own speed, as a live source would deliver them
     * @param segmenter how sources are cut
     */
    public record PublishOptions(String topic, String deadLetterTopic, int maxPartBytes, boolean realtime,
                                 SegmenterOptions segmenter) {
        /** Leaves room under Kafka's default 1 MiB message limit for headers. */
        public static final int DEFAULT_MAX_PART_BYTES = 900 * 1024;

        public static PublishOptions defaults() {
            return new PublishOptions(Topics.SEGMENTS, Topics.DEADLETTER, DEFAULT_MAX_PART_BYTES, false, SegmenterOptions.DEFAULTS);
        }

        public PublishOptions withRealtime(boolean value) {
            return new PublishOptions(topic, deadLetterTopic, maxPartBytes, value, segmenter);
        }

        public PublishOptions withMaxPartBytes(int value) {
            return new PublishOptions(topic, deadLetterTopic, value, realtime, segmenter);
        }

        public PublishOptions withTopic(String value) {
            return new PublishOptions(value, deadLetterTopic, maxPartBytes, realtime, segmenter);
        }
    }

    /** What one {@link #publish} call sent. */
    public record PublishReport(String streamId, String source, long segments, long videoUs, Optional<DeadLetter> deadLetter) {
        public boolean failed() {
            return deadLetter.isPresent();
        }
    }
}
