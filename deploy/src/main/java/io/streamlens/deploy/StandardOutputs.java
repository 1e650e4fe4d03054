package io.streamlens.deploy;

import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.Summary;
import io.streamlens.records.Topics;
import io.streamlens.sinks.FrameLine;
import io.streamlens.sinks.JsonLinesFileSink;
import io.streamlens.sinks.KafkaJsonSink;
import io.streamlens.sinks.ThumbnailSink;
import java.nio.file.Path;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The contract's outputs: captions, answers, alerts, summaries and dead letters to their Kafka topics
 * (all but dead letters exactly-once unless at-least-once is asked for), plus, when the job runs on this
 * machine, {@code frames.jsonl} and thumbnails in a local folder. The CLI turns the topics into
 * files ({@code captions.jsonl}, subtitles, {@code answers.jsonl}, {@code deadletter.jsonl}).
 */
public final class StandardOutputs implements JobOutputs {
    public static final String FRAMES_FILE = "frames.jsonl";

    private final KafkaClientConfig kafka;
    private final DeliveryGuarantee delivery;
    private final Path framesDir;
    private final boolean thumbnails;

    /** @param framesDir where to write frames.jsonl (and thumbnails), or null for none */
    public StandardOutputs(KafkaClientConfig kafka, DeliveryGuarantee delivery, Path framesDir, boolean thumbnails) {
        this.kafka = kafka;
        this.delivery = delivery;
        this.framesDir = framesDir;
        this.thumbnails = thumbnails;
    }

    @Override
    public void frames(DataStream<SampledFrame> frames) {
        if (framesDir == null) {
            return;
        }
        frames.sinkTo(new JsonLinesFileSink<>(framesDir.resolve(FRAMES_FILE), FrameLine::of))
                .uid("frames-file").name(FRAMES_FILE).setParallelism(1);
        if (thumbnails) {
            frames.sinkTo(new ThumbnailSink(framesDir.resolve("thumbnails")))
                    .uid("thumbnails").name("thumbnails").setParallelism(1);
        }
    }

    @Override
    public void captions(DataStream<Caption> captions) {
        captions.sinkTo(KafkaJsonSink.build(kafka, Topics.CAPTIONS, Caption.class, Caption::streamId, delivery, "streamlens-captions"))
                .uid("captions-kafka").name(Topics.CAPTIONS);
    }

    @Override
    public void answers(DataStream<Answer> answers) {
        answers.sinkTo(KafkaJsonSink.build(kafka, Topics.ANSWERS, Answer.class, Answer::streamId, delivery, "streamlens-answers"))
                .uid("answers-kafka").name(Topics.ANSWERS);
    }

    @Override
    public void alerts(DataStream<Alert> alerts) {
        alerts.sinkTo(KafkaJsonSink.build(kafka, Topics.ALERTS, Alert.class, Alert::streamId, delivery, "streamlens-alerts"))
                .uid("alerts-kafka").name(Topics.ALERTS);
    }

    @Override
    public void summaries(DataStream<Summary> summaries) {
        summaries.sinkTo(KafkaJsonSink.build(kafka, Topics.SUMMARIES, Summary.class, Summary::streamId, delivery, "streamlens-summaries"))
                .uid("summaries-kafka").name(Topics.SUMMARIES);
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        // Dead letters are idempotent to read twice; they need no transaction.
        deadLetters.sinkTo(KafkaJsonSink.build(kafka, Topics.DEADLETTER, DeadLetter.class, DeadLetter::streamId,
                        DeliveryGuarantee.AT_LEAST_ONCE, "streamlens-deadletter"))
                .uid("deadletter-kafka").name(Topics.DEADLETTER);
    }
}
