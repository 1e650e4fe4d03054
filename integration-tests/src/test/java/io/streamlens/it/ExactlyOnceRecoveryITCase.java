package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobInputs;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.LatestCheckpoint;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.TopicDump;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live stream, a job stopped mid-stream and started again from its last checkpoint: a
 * read_committed consumer sees every window's caption exactly once.
 */
class ExactlyOnceRecoveryITCase {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    @TempDir
    Path dir;

    @Test
    void aJobRestoredFromItsCheckpointLosesNoCaptionAndDuplicatesNone() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"))) {
            kafka.createTopics(2, Topics.ALL);
            KafkaClientConfig client = new KafkaClientConfig(kafka.bootstrapServers(), null);
            Path clip = dir.resolve("live.mp4");
            SampleClip.write(clip, List.of(new SampleClip.Shot(Color.RED, "ONE", 3), new SampleClip.Shot(Color.BLUE, "TWO", 3),
                    new SampleClip.Shot(Color.BLACK, "THREE", 3), new SampleClip.Shot(Color.GRAY, "FOUR", 3),
                    new SampleClip.Shot(Color.MAGENTA, "FIVE", 3)), 640, 360, 25, 25);
            CompletableFuture<Void> live = CompletableFuture.runAsync(() -> {
                try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults().withRealtime(true))) {
                    publisher.publish(clip.toString(), "live");
                }
            });
            Path checkpoints = dir.resolve("checkpoints");

            JobClient first = start(client, checkpoints, null);
            waitFor(() -> captions(client).size() >= 2, "the first captions");
            waitFor(() -> LatestCheckpoint.find(checkpoints).isPresent(), "a completed checkpoint");
            first.cancel().get();

            Path restoreFrom = LatestCheckpoint.find(checkpoints).orElseThrow();
            JobClient second = start(client, checkpoints, restoreFrom);
            waitFor(() -> captions(client).stream().anyMatch(c -> c.startMs() == 12_000), "the last window's caption");
            live.get();
            second.cancel().get();

            List<Caption> seen = captions(client);
            assertThat(seen).extracting(Caption::captionId)
                    .containsExactlyInAnyOrder("live/0", "live/3000", "live/6000", "live/9000", "live/12000");
            assertThat(seen.stream().filter(c -> c.startMs() == 12_000).findFirst().orElseThrow().text()).contains("FIVE");
        }
    }

    private static JobClient start(KafkaClientConfig client, Path checkpoints, Path restoreFrom) throws Exception {
        Configuration conf = FlinkEnvironments.jobConfiguration(checkpoints, Duration.ofMillis(500));
        if (restoreFrom != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
        }
        StreamExecutionEnvironment env = FlinkEnvironments.local(conf, 1);
        StreamLensJob.build(env, JobInputs.kafka(client, "eos", false), JobOptions.builder().parallelism(1).build(),
                new StandardOutputs(client, DeliveryGuarantee.EXACTLY_ONCE, null, false));
        return env.executeAsync("exactly-once-it");
    }

    private static List<Caption> captions(KafkaClientConfig client) {
        return TopicDump.readAll(client, Topics.CAPTIONS).stream().map(l -> Json.read(l, Caption.class)).toList();
    }

    private static void waitFor(Eventually.Condition condition, String what) throws Exception {
        Eventually.waitFor(what, DEADLINE, () -> true, condition);
    }
}
