package io.streamlens.it;

import static io.streamlens.inference.onnx.OnnxModelBuilder.Attribute.ints;
import static io.streamlens.inference.onnx.OnnxModelBuilder.ElementType.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.WindowOptions;
import io.streamlens.captions.WindowSpec;
import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobInputs;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.TopicDump;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.onnx.OnnxModelBuilder;
import io.streamlens.inference.tinycolor.TinyColorPackBuilder;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.Topics;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole VLM path through the job: vision encoder tokens per frame, compressed per window,
 * placed in the prompt, decoded over the KV cache by the hand-built tiny-color pack.
 */
class TinyColorCaptionITCase {
    @TempDir
    Path dir;

    static final List<SampleClip.Shot> COLOUR_SHOTS = List.of(new SampleClip.Shot(new Color(230, 20, 20), "", 3),
            new SampleClip.Shot(new Color(20, 210, 40), "", 3), new SampleClip.Shot(new Color(20, 40, 230), "", 3),
            new SampleClip.Shot(new Color(240, 230, 30), "", 3));

    @Test
    void colourShotsAreCaptionedWithTheirColourWindowByWindow() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"))) {
            KafkaClientConfig client = runJob(kafka, "tiny-color");

            List<Caption> captions = captions(client);
            assertThat(captions).extracting(Caption::text).containsExactly("red", "green", "blue", "yellow");
            Answer blue = TopicDump.readAll(client, Topics.ANSWERS).stream().map(l -> Json.read(l, Answer.class))
                    .filter(a -> a.queryId().equals("q-blue")).findFirst().orElseThrow();
            // The model itself looked again at the remembered tokens of the window the question matched.
            assertThat(blue.answer()).isEqualTo("blue (seen at 0:06–0:09)");
            assertThat(blue.evidence().get(0).startMs()).isEqualTo(6000);
            assertThat(captions).hasSize(4).allSatisfy(c -> {
                assertThat(c.model()).isEqualTo("tiny-color");
                assertThat(c.visualTokens().kept()).isPositive().isLessThanOrEqualTo(8);
                assertThat(c.visualTokens().raw()).isGreaterThan(c.visualTokens().kept());
            });
        }
    }

    /**
     * The vision encoder fails on every frame (its output is not finite), so no window has visual
     * tokens for the language model. The job used to restart on the first window, forever; now each
     * window gets its perception caption and a dead letter, and the bounded job finishes.
     */
    @Test
    void windowsTheVlmCannotCaptionGetTheirPerceptionCaptionAndADeadLetter() throws Exception {
        Path pack = dir.resolve("failing-encoder");
        Files.createDirectories(pack);
        for (Map.Entry<String, byte[]> file : TinyColorPackBuilder.files().entrySet()) {
            Files.write(pack.resolve(file.getKey()), file.getValue());
        }
        Files.write(pack.resolve("vision_encoder.onnx"), notFiniteVisionEncoder());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"))) {
            KafkaClientConfig client = runJob(kafka, pack.toString());

            List<Caption> captions = captions(client);
            assertThat(captions).extracting(Caption::startMs).containsExactly(0L, 3000L, 6000L, 9000L);
            assertThat(captions).allSatisfy(c -> {
                assertThat(c.model()).isEqualTo("perception");
                assertThat(c.text()).contains("No text on screen.");
                assertThat(c.evidence().modelFailure()).contains("could not caption this window")
                        .contains("no visual tokens");
            });
            List<DeadLetter> letters = TopicDump.readAll(client, Topics.DEADLETTER).stream()
                    .map(l -> Json.read(l, DeadLetter.class)).toList();
            List<String> windows = letters.stream().filter(l -> l.detail().startsWith("window ")).map(DeadLetter::detail).toList();
            assertThat(windows).hasSize(4).allSatisfy(d -> assertThat(d).contains("no visual tokens"));
            assertThat(windows).anySatisfy(d -> assertThat(d).startsWith("window colours/6000 (0:06–0:09)"));
            assertThat(letters).extracting(DeadLetter::reason).containsOnly("model-failure");
            assertThat(letters).anySatisfy(l -> assertThat(l.detail()).startsWith("vision encoder failed at "));
            Answer blue = TopicDump.readAll(client, Topics.ANSWERS).stream().map(l -> Json.read(l, Answer.class))
                    .filter(a -> a.queryId().equals("q-blue")).findFirst().orElseThrow();
            assertThat(blue.evidence()).isNotEmpty();
        }
    }

    /** The tiny-color encoder's shapes with a projection of NaNs: it loads and runs, and every token it makes is NaN. */
    static byte[] notFiniteVisionEncoder() {
        int hidden = 16;
        float[] projection = new float[3 * hidden];
        Arrays.fill(projection, Float.NaN);
        OnnxModelBuilder b = new OnnxModelBuilder("not_finite_vision_encoder", 17);
        b.input("pixel_values", FLOAT, "batch", 3, 32, 32);
        b.initializer("patch_shape", new long[] {0, 3, -1}, 3);
        b.initializer("projection", projection, 3, hidden);
        b.node("AveragePool", List.of("pixel_values"), "pooled", ints("kernel_shape", 8, 8), ints("strides", 8, 8));
        b.node("Reshape", List.of("pooled", "patch_shape"), "channels_by_patch");
        b.node("Transpose", List.of("channels_by_patch"), "patches", ints("perm", 0, 2, 1));
        b.node("MatMul", List.of("patches", "projection"), "image_features");
        b.output("image_features", FLOAT, "batch", 16, hidden);
        return b.build();
    }

    /** Publishes four 3 s colour shots and a question about 0:06–0:09, and runs the job to the end of its input. */
    KafkaClientConfig runJob(EmbeddedKafka kafka, String modelPack) throws Exception {
        kafka.createTopics(1, Topics.ALL);
        KafkaClientConfig client = new KafkaClientConfig(kafka.bootstrapServers(), null);
        Path clip = dir.resolve("colours.mp4");
        SampleClip.write(clip, COLOUR_SHOTS, 320, 180, 25, 25);
        try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults())) {
            publisher.publish(clip.toString(), "colours");
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client.properties(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.QUERIES, "colours", Json.write(new Query("q-blue", "colours", "What colour is this?", 6000L, 9000L, null))));
        }

        JobOptions options = JobOptions.builder().parallelism(1).boundedInput(true)
                .windows(WindowOptions.DEFAULT.withSpec(new WindowSpec(3_000_000, 0)))
                .models(ModelOptions.DEFAULT.withPack(modelPack).withCompression("pool:2,temporal:0.9,budget:8"))
                .build();
        StreamExecutionEnvironment env = FlinkEnvironments.local(
                FlinkEnvironments.jobConfiguration(dir.resolve("checkpoints"), Duration.ofSeconds(1)), 1);
        StreamLensJob.build(env, JobInputs.kafka(client, "colours", true), options,
                new StandardOutputs(client, DeliveryGuarantee.EXACTLY_ONCE, null, false));
        env.execute("tiny-color-it");
        return client;
    }

    static List<Caption> captions(KafkaClientConfig client) {
        return TopicDump.readAll(client, Topics.CAPTIONS).stream()
                .map(l -> Json.read(l, Caption.class)).sorted(Comparator.comparingLong(Caption::startMs)).toList();
    }
}
