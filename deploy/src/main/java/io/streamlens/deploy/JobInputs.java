package io.streamlens.deploy;

import io.streamlens.events.rules.RuleText;
import io.streamlens.ingest.flink.SegmentPartDeserializer;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.Topics;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Where the job reads from: segments, questions unless the job answers none, and alert rules.
 *
 * <pre>{@code
 * StreamLensJob.build(env, JobInputs.kafka(client, "streamlens", options.boundedInput()), options, outputs);
 * }</pre>
 *
 * @param queries questions to answer, or null for a job without questions
 * @param rules alert rules as published, or null for a job without alerts
 */
public record JobInputs(Source<SegmentPart, ?, ?> segments, Source<Query, ?, ?> queries, Source<RuleText, ?, ?> rules) {

    /**
     * The contract's topics, read by consumer group {@code groupId} from its committed offsets (the
     * earliest for a new group), committed records only.
     *
     * @param bounded stop at the offsets that are latest when the job starts (demo, annotate);
     *     otherwise run until cancelled (live)
     */
    public static JobInputs kafka(KafkaClientConfig kafka, String groupId, boolean bounded) {
        return new JobInputs(source(kafka, Topics.SEGMENTS, groupId, bounded, new SegmentPartDeserializer()),
                source(kafka, Topics.QUERIES, groupId, bounded, new QueryDeserializer()),
                source(kafka, Topics.RULES, groupId, bounded, new RuleDeserializer()));
    }

    public JobInputs withoutQueries() {
        return new JobInputs(segments, null, rules);
    }

    private static <T> KafkaSource<T> source(KafkaClientConfig kafka, String topic, String groupId, boolean bounded,
                                             KafkaRecordDeserializationSchema<T> deserializer) {
        KafkaSourceBuilder<T> builder = KafkaSource.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setProperties(kafka.properties())
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(deserializer)
                // Segments are large: let one fetch carry at least a whole default-sized message.
                .setProperty("max.partition.fetch.bytes", String.valueOf(EmbeddedKafka.MAX_MESSAGE_BYTES))
                .setProperty("isolation.level", "read_committed");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }
}
