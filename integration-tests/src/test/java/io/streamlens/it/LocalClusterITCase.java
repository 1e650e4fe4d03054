package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.TopicDump;
import io.streamlens.deploy.cli.ClusterJob;
import io.streamlens.deploy.cli.StreamLensCli;
import io.streamlens.deploy.cluster.ClusterDir;
import io.streamlens.deploy.cluster.ClusterSettings;
import io.streamlens.deploy.cluster.FlinkRest;
import io.streamlens.deploy.cluster.LocalCluster;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.Topics;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real multi-process standalone cluster (a JobManager and TaskManager JVMs started
 * from flink-lib, the job submitted as streamlens-job.jar through the REST API): it survives a
 * TaskManager killed with SIGKILL, and its per-stream memory survives a rescale through a savepoint.
 */
class LocalClusterITCase {
    private static final Path JOB_JAR = Path.of("..", "deploy", "target", "streamlens-job.jar");
    private static final Path FLINK_LIB = Path.of("..", "flink-lib", "target", "lib");
    private static final Duration DEADLINE = Duration.ofMinutes(4);

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static KafkaClientConfig client;
    static LocalCluster cluster;
    static FlinkRest rest;
    static String jarId;

    @BeforeAll
    static void startKafkaAndCluster() throws Exception {
        assertThat(JOB_JAR).as("the job jar is built before the integration tests").exists();
        kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
        kafka.createTopics(2, Topics.ALL);
        client = new KafkaClientConfig(kafka.bootstrapServers(), null);
        cluster = new LocalCluster(new ClusterDir(dir.resolve("cluster")), FLINK_LIB);
        // One slot per TaskManager and parallelism 2: every TaskManager runs part of the job.
        rest = cluster.start(new ClusterSettings(2, 1, freePort(), "2g"), Duration.ofMinutes(2));
        jarId = rest.uploadJar(JOB_JAR);
    }

    /** A test that failed half-way must not leave its job holding the slots the next one needs. */
    @AfterEach
    void cancelRunningJobs() {
        rest.jobs().forEach(job -> {
            if ("RUNNING".equals(job.path("state").asText())) {
                rest.cancel(job.path("jid").asText());
            }
        });
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.stop(Duration.ofSeconds(10));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aKilledTaskManagerIsReplacedAndTheJobRecoversWithoutLosingOrRepeatingCaptions() throws Exception {
        Path clip = dir.resolve("gate.mp4");
        List<SampleClip.Shot> shots = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            shots.add(new SampleClip.Shot(i % 2 == 0 ? Color.DARK_GRAY : Color.BLUE, "GATE " + i, 3));
        }
        SampleClip.write(clip, shots, 640, 360, 25, 25);
        String job = submit(2, null);
        awaitRunning(job);
        CompletableFuture<Void> live = CompletableFuture.runAsync(() -> publish(clip, "gate", true));

        waitFor(() -> captions("gate").size() >= 2 && completedCheckpoints(job) >= 1, "captions and a checkpoint");
        Map.Entry<String, ProcessHandle> victim = cluster.taskManagers().entrySet().iterator().next();
        long killedAt = System.nanoTime();
        victim.getValue().destroyForcibly();
        victim.getValue().onExit().get();
        cluster.startTaskManager();
        waitFor(() -> restoredCheckpoint(job).isPresent() && allTasksRunning(job), "the job restored on the new TaskManager");
        double recoverySeconds = (System.nanoTime() - killedAt) / 1e9;
        waitFor(() -> captions("gate").stream().anyMatch(c -> c.startMs() == 15_000), "the last window's caption");
        live.get();

        System.out.println(Json.write(Map.of("bench", "cluster-recovery", "killed", victim.getKey(),
                "restored_checkpoint", restoredCheckpoint(job).orElseThrow(), "recovery_s", Math.round(recoverySeconds * 10) / 10.0)));
        assertThat(captions("gate")).extracting(Caption::captionId).containsExactlyInAnyOrder(
                "gate/0", "gate/3000", "gate/6000", "gate/9000", "gate/12000", "gate/15000");
    }

    @Test
    void aRescaleThroughASavepointKeepsEachStreamsMemory() throws Exception {
        Path clip = dir.resolve("platforms.mp4");
        SampleClip.write(clip, List.of(new SampleClip.Shot(Color.RED, "PLATFORM 1", 3), new SampleClip.Shot(Color.BLUE, "PLATFORM 2", 3),
                new SampleClip.Shot(Color.BLACK, "PLATFORM 3", 3)), 640, 360, 25, 25);
        String wide = submit(2, null);
        awaitRunning(wide);
        publish(clip, "platforms", false);
        waitFor(() -> captions("platforms").stream().anyMatch(c -> c.startMs() == 6_000), "the stream's last caption");
        assertThat(StreamLensCli.commandLine().execute("cluster", "stop-job", "--dir", cluster.dir().root().toString(), wide))
                .isZero();
        String savepoint = rest.checkpoints(wide).path("latest").path("savepoint").path("external_path").asText();
        assertThat(savepoint).as("the savepoint the stop took").isNotEmpty();

        // the second submission goes the way a user's does: ./streamlens run --jobmanager … --from-savepoint
        int status = StreamLensCli.commandLine().execute("run", "--jobmanager", rest.webUi().getAuthority(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--parallelism", "1", "--checkpoint-interval", "1s",
                "--checkpoint-dir", cluster.dir().checkpoints().toString(), "--from-savepoint", savepoint,
                "--job-jar", JOB_JAR.toString());
        assertThat(status).isZero();
        String narrow = rest.jobs().findValues("jid").stream().map(JsonNode::asText)
                .filter(id -> !id.equals(wide)).filter(id -> "RUNNING".equals(rest.job(id).path("state").asText()))
                .findFirst().orElseThrow();
        awaitRunning(narrow);
        assertThat(rest.job(narrow).path("vertices").findValues("parallelism")).isNotEmpty().allSatisfy(p -> assertThat(p.asInt()).isEqualTo(1));
        ask(Query.of("q-platform", "platforms", "When was platform 2 shown?"));
        waitFor(() -> answer("q-platform").isPresent(), "the answer after the rescale");
        Answer answer = answer("q-platform").orElseThrow();
        assertThat(answer.evidence()).isNotEmpty();
        assertThat(answer.evidence().get(0).text()).contains("PLATFORM 2");
        assertThat(captions("platforms")).extracting(Caption::captionId).doesNotHaveDuplicates();
    }

    private static String submit(int parallelism, String restorePath) {
        return rest.runJar(jarId, ClusterJob.class.getName(), List.of("--bootstrap-servers", kafka.bootstrapServers(),
                "--parallelism", String.valueOf(parallelism), "--checkpoint-interval", "1s",
                "--checkpoint-dir", cluster.dir().checkpoints().toUri().toString()), restorePath);
    }

    private static void publish(Path clip, String streamId, boolean realtime) {
        try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults().withRealtime(realtime))) {
            publisher.publish(clip.toString(), streamId);
        }
    }

    private static void ask(Query query) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client.properties(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.QUERIES, query.streamId(), Json.write(query)));
        }
    }

    private static List<Caption> captions(String streamId) {
        return TopicDump.readAll(client, Topics.CAPTIONS).stream().map(l -> Json.read(l, Caption.class))
                .filter(c -> c.streamId().equals(streamId)).toList();
    }

    private static Optional<Answer> answer(String queryId) {
        return TopicDump.readAll(client, Topics.ANSWERS).stream().map(l -> Json.read(l, Answer.class))
                .filter(a -> a.queryId().equals(queryId)).findFirst();
    }

    private static int completedCheckpoints(String job) {
        return rest.checkpoints(job).path("counts").path("completed").asInt();
    }

    private static Optional<Long> restoredCheckpoint(String job) {
        JsonNode restored = rest.checkpoints(job).path("latest").path("restored");
        return restored.isObject() ? Optional.of(restored.path("id").asLong()) : Optional.empty();
    }

    private static boolean allTasksRunning(String job) {
        JsonNode details = rest.job(job);
        return "RUNNING".equals(details.path("state").asText()) && details.path("vertices").findValues("status").stream()
                .allMatch(s -> "RUNNING".equals(s.asText()));
    }

    private static void awaitRunning(String job) throws Exception {
        waitFor(() -> allTasksRunning(job), "job " + job + " running");
    }

    private static void waitFor(Eventually.Condition condition, String what) throws Exception {
        Eventually.waitFor(what, DEADLINE, () -> cluster.jobManager().isPresent(), condition);
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
