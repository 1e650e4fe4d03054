package io.streamlens.deploy;

import io.streamlens.records.DeadLetter;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.SampledFrame;
import io.streamlens.sinks.FrameLine;
import io.streamlens.sinks.JsonLinesFileSink;
import io.streamlens.sinks.KafkaJsonSink;
import io.streamlens.sinks.ThumbnailSink;
import java.nio.file.Path;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Outputs of a job run on this machine: {@code frames.jsonl} (and thumbnails) in a folder, dead
 * letters to the {@code video.deadletter} topic, from which the CLI also writes
 * {@code deadletter.jsonl} so that publish-time and job-time failures land in one file.
 */
public final class LocalOutputs implements JobOutputs {
    public static final String FRAMES_FILE = "frames.jsonl";
    public static final String DEAD_LETTER_FILE = "deadletter.jsonl";

    private final Path outDir;
    private final boolean thumbnails;
    private final KafkaClientConfig kafka;
    private final String deadLetterTopic;

    public LocalOutputs(Path outDir, boolean thumbnails, KafkaClientConfig kafka, String deadLetterTopic) {
        this.outDir = outDir;
        this.thumbnails = thumbnails;
        this.kafka = kafka;
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public void frames(DataStream<SampledFrame> frames) {
        if (outDir == null) {
            return;
        }
        frames.sinkTo(new JsonLinesFileSink<>(outDir.resolve(FRAMES_FILE), FrameLine::of))
                .uid("frames-file").name(FRAMES_FILE).setParallelism(1);
        if (thumbnails) {
            frames.sinkTo(new ThumbnailSink(outDir.resolve("thumbnails")))
                    .uid("thumbnails").name("thumbnails").setParallelism(1);
        }
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters.sinkTo(KafkaJsonSink.build(kafka, deadLetterTopic, DeadLetter.class, DeadLetter::streamId,
                        DeliveryGuarantee.AT_LEAST_ONCE, "streamlens-deadletter"))
                .uid("deadletter-kafka").name(deadLetterTopic);
    }
}
