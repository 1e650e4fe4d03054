package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.Perception;
import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobInputs;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.LatestCheckpoint;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.TopicDump;
import io.streamlens.inference.ModelOptions;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.Topics;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule published while the job runs: it does not reach back to a stream captioned before it
 * came, it fires on a live stream's later window, once, and its episode closes once, even though
 * the job is stopped mid-episode and restored from its checkpoint; a bad rule published beside it
 * is a dead letter and changes nothing; "any alerts?" is answered from the alerts.
 */
class AlertRulesITCase {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String PLATFORM_RULE = "{\"ruleId\": \"platform\", \"streams\": [\"*\"], \"when\": {\"text\": \"PLATFORM\"}}";
    private static final String BAD_RULE = "{\"ruleId\": \"dragon\", \"when\": {\"object\": \"dragon\"}}";
    @TempDir
    Path dir;

    @Test
    void aRulePublishedToARunningJobFiresOnALaterWindowExactlyOnceAcrossARestore() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"))) {
            kafka.createTopics(2, Topics.ALL);
            KafkaClientConfig client = new KafkaClientConfig(kafka.bootstrapServers(), null);
            Path checkpoints = dir.resolve("checkpoints");
            JobClient first = start(client, checkpoints, null);

            Path earlier = dir.resolve("earlier.mp4");
            SampleClip.write(earlier, List.of(new SampleClip.Shot(Color.BLACK, "PLATFORM 1", 3), new SampleClip.Shot(Color.RED, "WAIT", 3)),
                    640, 360, 25, 25);
            try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults())) {
                publisher.publish(earlier.toString(), "earlier");
            }
            waitFor(() -> captions(client).stream().anyMatch(c -> c.captionId().equals("earlier/3000")), "the earlier stream's captions");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client.properties(), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.RULES, "dragon", BAD_RULE)).get();
                producer.send(new ProducerRecord<>(Topics.RULES, "platform", PLATFORM_RULE)).get();
            }

            Path clip = dir.resolve("live.mp4");
            // Windows of 4 s every 3 s: PLATFORM is on screen from 9 s to 15 s, in the windows at 6, 9 and 12 s.
            SampleClip.write(clip, List.of(new SampleClip.Shot(Color.RED, "ONE", 3), new SampleClip.Shot(Color.BLUE, "TWO", 3),
                    new SampleClip.Shot(Color.GRAY, "THREE", 3), new SampleClip.Shot(Color.BLACK, "PLATFORM 12", 6),
                    new SampleClip.Shot(Color.MAGENTA, "SIX", 3), new SampleClip.Shot(Color.BLUE, "SEVEN", 3)), 640, 360, 25, 25);
            CompletableFuture<Void> live = CompletableFuture.runAsync(() -> {
                try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults().withRealtime(true))) {
                    publisher.publish(clip.toString(), "live");
                }
            });
            waitFor(() -> alerts(client).stream().anyMatch(Alert::open), "the platform alert to open");
            first.cancel().get(); // mid-episode: the windows at 12 and 15 s are still to come

            JobClient second = start(client, checkpoints, LatestCheckpoint.find(checkpoints).orElseThrow());
            waitFor(() -> captions(client).stream().anyMatch(c -> c.captionId().equals("live/18000")), "the live stream's last caption");
            live.get();
            waitFor(() -> alerts(client).stream().anyMatch(a -> !a.open()), "the platform alert to close");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client.properties(), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.QUERIES, "live", Json.write(Query.of("q-alerts", "live", "Any alerts?")))).get();
            }
            waitFor(() -> !answers(client).isEmpty(), "the answer about alerts");
            second.cancel().get();

            List<Alert> alerts = alerts(client);
            assertThat(alerts).as("the earlier stream was captioned before the rule came").noneMatch(a -> a.streamId().equals("earlier"));
            assertThat(alerts).extracting(Alert::state).containsExactly("open", "closed");
            List<Caption> platform = captions(client).stream().filter(c -> c.streamId().equals("live"))
                    .filter(c -> c.evidence().text().stream().anyMatch(t -> t.toUpperCase().contains("PLATFORM"))).toList();
            long startMs = platform.stream().mapToLong(Caption::startMs).min().orElseThrow();
            assertThat(startMs).as("PLATFORM shows from 9 s: the windows at 6 or 9 s").isBetween(6000L, 9000L);
            assertThat(alerts).extracting(Alert::alertId).containsOnly("platform/live/" + startMs);
            assertThat(alerts.get(1).endMs()).isEqualTo(platform.stream().mapToLong(Caption::endMs).max().orElseThrow());
            assertThat(alerts.get(0).evidence()).extracting(Alert.Window::found).allMatch(f -> f.contains("PLATFORM"));
            List<DeadLetter> letters = TopicDump.readAll(client, Topics.DEADLETTER).stream().map(l -> Json.read(l, DeadLetter.class)).toList();
            assertThat(letters).filteredOn(d -> d.reason().equals("bad-rule")).singleElement()
                    .satisfies(d -> assertThat(d.detail()).contains("'dragon' is not an object"));
            assertThat(answers(client)).singleElement().satisfies(a -> {
                assertThat(a.answer()).startsWith("1 alert: platform on live: text \"PLATFORM");
                assertThat(a.evidence()).extracting(Answer.Span::startMs).containsExactly(startMs);
            });
        }
    }

    private static JobClient start(KafkaClientConfig client, Path checkpoints, Path restoreFrom) throws Exception {
        Configuration conf = FlinkEnvironments.jobConfiguration(checkpoints, Duration.ofMillis(500));
        if (restoreFrom != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
        }
        StreamExecutionEnvironment env = FlinkEnvironments.local(conf, 1);
        JobOptions options = JobOptions.builder().parallelism(1)
                .models(ModelOptions.DEFAULT.withPerception(Perception.parse("text"))).build();
        StreamLensJob.build(env, JobInputs.kafka(client, "alerts-it", false), options,
                new StandardOutputs(client, DeliveryGuarantee.EXACTLY_ONCE, null, false));
        return env.executeAsync("alert-rules-it");
    }

    private static List<Caption> captions(KafkaClientConfig client) {
        return TopicDump.readAll(client, Topics.CAPTIONS).stream().map(l -> Json.read(l, Caption.class)).toList();
    }

    private static List<Answer> answers(KafkaClientConfig client) {
        return TopicDump.readAll(client, Topics.ANSWERS).stream().map(l -> Json.read(l, Answer.class)).toList();
    }

    private static List<Alert> alerts(KafkaClientConfig client) {
        return TopicDump.readAll(client, Topics.ALERTS).stream().map(l -> Json.read(l, Alert.class)).toList();
    }

    private static void waitFor(Eventually.Condition condition, String what) throws Exception {
        Eventually.waitFor(what, DEADLINE, () -> true, condition);
    }
}
