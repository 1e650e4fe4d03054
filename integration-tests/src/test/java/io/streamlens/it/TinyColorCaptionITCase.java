package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.QuerySources;
import io.streamlens.deploy.SegmentSources;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.TopicDump;
import io.streamlens.captions.WindowSpec;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.Topics;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole VLM path through the job: vision encoder tokens per frame, compressed per window,
 * placed in the prompt, decoded over the KV cache by the hand-built tiny-color pack.
 */
class TinyColorCaptionITCase {
    @TempDir
    Path dir;

    @Test
    void colourShotsAreCaptionedWithTheirColourWindowByWindow() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"))) {
            kafka.createTopics(1, List.of(Topics.SEGMENTS, Topics.DEADLETTER, Topics.CAPTIONS, Topics.QUERIES, Topics.ANSWERS));
            KafkaClientConfig client = new KafkaClientConfig(kafka.bootstrapServers(), null);
            Path clip = dir.resolve("colours.mp4");
            SampleClip.write(clip, List.of(new SampleClip.Shot(new Color(230, 20, 20), "", 3),
                    new SampleClip.Shot(new Color(20, 210, 40), "", 3), new SampleClip.Shot(new Color(20, 40, 230), "", 3),
                    new SampleClip.Shot(new Color(240, 230, 30), "", 3)), 320, 180, 25, 25);
            try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults())) {
                publisher.publish(clip.toString(), "colours");
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client.properties(), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.QUERIES, "colours", Json.write(new Query("q-blue", "colours", "What colour is this?", 6000L, 9000L, null))));
            }

            JobOptions options = JobOptions.defaults().withBoundedInput(true)
                    .withWindow(new WindowSpec(3_000_000, 0))
                    .withModel("tiny-color", "pool:2,temporal:0.9,budget:8", "cpu");
            StreamExecutionEnvironment env = FlinkEnvironments.local(
                    FlinkEnvironments.jobConfiguration(dir.resolve("checkpoints"), Duration.ofSeconds(1)), 1);
            StreamLensJob.build(env, SegmentSources.kafka(client, Topics.SEGMENTS, "colours", true),
                    QuerySources.kafka(client, "colours", true), options,
                    new StandardOutputs(client, DeliveryGuarantee.EXACTLY_ONCE, null, false));
            env.execute("tiny-color-it");

            List<Caption> captions = TopicDump.readAll(client, Topics.CAPTIONS).stream()
                    .map(l -> Json.read(l, Caption.class)).sorted(Comparator.comparingLong(Caption::startMs)).toList();
            assertThat(captions).extracting(Caption::text).containsExactly("red", "green", "blue", "yellow");
            Answer blue = TopicDump.readAll(client, Topics.ANSWERS).stream().map(l -> Json.read(l, Answer.class))
                    .filter(a -> a.queryId().equals("q-blue")).findFirst().orElseThrow();
            // The model itself looked again at the remembered tokens of the window the question matched.
            assertThat(blue.answer()).isEqualTo("blue (seen at 0:06–0:09)");
            assertThat(blue.evidence().get(0).startMs()).isEqualTo(6000);
            assertThat(captions).allSatisfy(c -> {
                assertThat(c.model()).isEqualTo("tiny-color");
                assertThat(c.visualTokens().kept()).isPositive().isLessThanOrEqualTo(8);
                assertThat(c.visualTokens().raw()).isGreaterThan(c.visualTokens().kept());
            });
        }
    }
}
