package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.LatestCheckpoint;
import io.streamlens.deploy.TopicDump;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Topics;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./streamlens run} as a separate process, killed with SIGKILL mid-stream and started again
 * with the same arguments: it resumes from its latest checkpoint, and a read_committed consumer
 * sees every window's caption exactly once, and the alert of its {@code --rules} exactly once too
 * (one open, one close), however the kill fell.
 */
class RunCommandKillITCase {
    private static final Path JAR = Path.of("..", "deploy", "target", "streamlens.jar");
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesFromItsCheckpointWithoutLosingOrRepeatingCaptions() throws Exception {
        assertThat(JAR).as("the shaded jar is built before the integration tests").exists();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"))) {
            kafka.createTopics(2, Topics.ALL);
            KafkaClientConfig client = new KafkaClientConfig(kafka.bootstrapServers(), null);
            Path clip = dir.resolve("gate.mp4");
            List<SampleClip.Shot> shots = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                shots.add(new SampleClip.Shot(i % 2 == 0 ? Color.DARK_GRAY : Color.BLUE, "GATE " + i, 3));
            }
            SampleClip.write(clip, shots, 640, 360, 25, 25);
            Path checkpoints = dir.resolve("checkpoints");
            Files.writeString(dir.resolve("rules.json"), "[{\"ruleId\": \"gate-3\", \"streams\": [\"gate\"], \"when\": {\"text\": \"GATE*3\"}}]");

            Process first = run(kafka, checkpoints, "first.log");
            CompletableFuture<Void> live = CompletableFuture.runAsync(() -> {
                try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults().withRealtime(true))) {
                    publisher.publish(clip.toString(), "gate");
                }
            });
            waitFor(() -> captions(client).size() >= 2 && LatestCheckpoint.find(checkpoints).isPresent(), first,
                    "captions and a checkpoint from the first run");
            first.destroyForcibly().waitFor();

            Process second = run(kafka, checkpoints, "second.log");
            try {
                // The first run may have committed every window before it was killed on a loaded machine; the
                // second then has nothing left to caption, and its start-up line can come after the last caption.
                waitFor(() -> captions(client).stream().anyMatch(c -> c.startMs() == 15_000)
                        && Files.readString(dir.resolve("second.log")).contains("resuming from"), second,
                        "the last window's caption and the second run's resumption");
                live.get();
                assertThat(Files.readString(dir.resolve("second.log"))).contains("resuming from");
            } finally {
                second.destroyForcibly().waitFor();
            }
            assertThat(captions(client)).extracting(Caption::captionId).containsExactlyInAnyOrder(
                    "gate/0", "gate/3000", "gate/6000", "gate/9000", "gate/12000", "gate/15000");
            List<Caption> gate3 = captions(client).stream()
                    .filter(c -> c.evidence().text().stream().anyMatch(t -> t.toUpperCase().matches("GATE.*3"))).toList();
            assertThat(gate3).as("GATE 3 shows from 6 s to 9 s").isNotEmpty();
            long startMs = gate3.stream().mapToLong(Caption::startMs).min().orElseThrow();
            List<Alert> alerts = TopicDump.readAll(client, Topics.ALERTS).stream().map(l -> Json.read(l, Alert.class)).toList();
            assertThat(alerts).extracting(Alert::alertId, Alert::state).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("gate-3/gate/" + startMs, "open"),
                    org.assertj.core.groups.Tuple.tuple("gate-3/gate/" + startMs, "closed"));
            assertThat(alerts.get(1).endMs()).isEqualTo(gate3.stream().mapToLong(Caption::endMs).max().orElseThrow());
        }
    }

    private Process run(EmbeddedKafka kafka, Path checkpoints, String log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1500m", "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-jar", JAR.toString(), "run", "--bootstrap-servers", kafka.bootstrapServers(),
                "--checkpoint-dir", checkpoints.toString(), "--checkpoint-interval", "1s", "--parallelism", "1",
                "--rules", dir.resolve("rules.json").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private static List<Caption> captions(KafkaClientConfig client) {
        return TopicDump.readAll(client, Topics.CAPTIONS).stream().map(l -> Json.read(l, Caption.class)).toList();
    }

    private static void waitFor(Eventually.Condition condition, Process process, String what) throws Exception {
        Eventually.waitFor(what, DEADLINE, process::isAlive, condition::holds);
    }
}
