package io.streamlens.deploy;

import io.streamlens.ingest.flink.SegmentPartDeserializer;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.SegmentPart;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/** The Kafka source of {@code video.segments}. */
public final class SegmentSources {
    private SegmentSources() {
    }

    /**
     * @param bounded stop at the offsets that are latest when the job starts (demo, annotate);
     *     otherwise run until cancelled (live)
     */
    public static KafkaSource<SegmentPart> kafka(KafkaClientConfig kafka, String topic, String groupId, boolean bounded) {
        KafkaSourceBuilder<SegmentPart> builder = KafkaSource.<SegmentPart>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setProperties(kafka.properties())
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new SegmentPartDeserializer())
                // Segments are large: let one fetch carry at least a whole default-sized message.
                .setProperty("max.partition.fetch.bytes", String.valueOf(EmbeddedKafka.MAX_MESSAGE_BYTES))
                .setProperty("isolation.level", "read_committed");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }
}
