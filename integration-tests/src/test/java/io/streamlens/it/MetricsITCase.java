package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.Perception;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.cli.LocalPipeline;
import io.streamlens.inference.ModelOptions;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.SegmentHeaders;
import io.streamlens.records.StreamLensMetrics;
import io.streamlens.records.Topics;
import io.streamlens.sampler.audio.SpokenClips;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live job started as {@code run --metrics-port} starts it (MiniCluster, in-process Kafka, real
 * FFmpeg and ONNX Runtime), scraped the way Prometheus scrapes it: the StreamLens metrics of every
 * operator are there, and they move as segments come in.
 */
class MetricsITCase {
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final String PREFIX = "flink_taskmanager_job_task_operator_" + StreamLensMetrics.GROUP + "_";

    @TempDir
    Path dir;

    @Test
    void streamLensMetricsAreServedForPrometheusAndMoveAsSegmentsArrive() throws Exception {
        int port = freePort();
        JobOptions options = JobOptions.builder().parallelism(1).models(ModelOptions.DEFAULT
                .withPerception(EnumSet.of(Perception.OBJECTS, Perception.SPEECH))).build();
        Path humming = SpokenClips.write(dir.resolve("humming.mp4"), SpokenClips.Audio.tone(16_000, 6, 440), 6, 0);
        try (LocalPipeline local = LocalPipeline.start(port)) {
            JobClient job = local.startLive(options, Duration.ofSeconds(1));
            try {
                local.publish(List.of(humming.toString()), List.of("humming"));

                PrometheusScrape first = waitForScrape(port, job, "the first stream's metrics", s ->
                        s.sum(PREFIX + StreamLensMetrics.WINDOWS_CAPTIONED) > 0
                                && s.sum(PREFIX + StreamLensMetrics.FRAMES_ANALYSED) > 0
                                && s.sum(PREFIX + "model_" + StreamLensMetrics.MODEL_TIME_MS + "_count", "model", "objects") > 0
                                && s.sum(PREFIX + StreamLensMetrics.SPEECH_REAL_TIME_FACTOR) > 0);
                double decoded = first.sum(PREFIX + StreamLensMetrics.FRAMES_DECODED);
                assertThat(decoded).as("most of 6 s at 25 fps decoded").isGreaterThan(5 * 25);
                assertThat(first.sum(PREFIX + StreamLensMetrics.FRAMES_SAMPLED)).isPositive().isLessThanOrEqualTo(decoded);
                // a still picture's frames carry the last analysed frame's findings: skipped, never more than sampled
                assertThat(first.sum(PREFIX + StreamLensMetrics.FRAMES_SKIPPED)).isLessThanOrEqualTo(first.sum(PREFIX + StreamLensMetrics.FRAMES_SAMPLED));
                assertThat(first.named(PREFIX + StreamLensMetrics.FRAMES_DECODED))
                        .allSatisfy(s -> assertThat(s.labels()).containsEntry("operator_name", "DecodeAndSample"));
                assertThat(first.sum(PREFIX + StreamLensMetrics.CAPTION_LATENCY_MS + "_count")).isPositive();
                assertThat(first.named(PREFIX + "model_" + StreamLensMetrics.MODEL_TIME_MS, "model", "objects", "quantile", "0.95"))
                        .singleElement().satisfies(p95 -> assertThat(p95.value()).isPositive());
                // Every reason is there from the start, at zero, so a dashboard shows no gaps.
                assertThat(first.named(PREFIX + StreamLensMetrics.REASON + "_" + StreamLensMetrics.DEAD_LETTERS))
                        .extracting(s -> s.labels().get(StreamLensMetrics.REASON))
                        .containsExactlyInAnyOrderElementsOf(reasonLabels());
                double deadBefore = first.sum(PREFIX + StreamLensMetrics.REASON + "_" + StreamLensMetrics.DEAD_LETTERS);
                double windows = first.sum(PREFIX + StreamLensMetrics.WINDOWS_CAPTIONED);
                double analysed = first.sum(PREFIX + StreamLensMetrics.FRAMES_ANALYSED);

                local.publish(List.of(SampleMedia.file(SampleMedia.COCKATOO).toString()), List.of("cockatoo"));
                publishGarbageSegment(local, "garbage");

                PrometheusScrape later = waitForScrape(port, job, "the metrics to move with the next streams", s ->
                        s.sum(PREFIX + StreamLensMetrics.FRAMES_DECODED) > decoded
                                && s.sum(PREFIX + StreamLensMetrics.FRAMES_ANALYSED) > analysed
                                && s.sum(PREFIX + StreamLensMetrics.WINDOWS_CAPTIONED) > windows
                                && s.sum(PREFIX + StreamLensMetrics.REASON + "_" + StreamLensMetrics.DEAD_LETTERS) > deadBefore);
                assertThat(later.sum(PREFIX + StreamLensMetrics.CAPTION_LATENCY_MS + "_count"))
                        .isGreaterThan(first.sum(PREFIX + StreamLensMetrics.CAPTION_LATENCY_MS + "_count"));
                assertThat(later.named(PREFIX + StreamLensMetrics.REASON + "_" + StreamLensMetrics.DEAD_LETTERS)
                        .stream().filter(s -> s.value() > 0).map(s -> s.labels().get(StreamLensMetrics.REASON)).toList())
                        .as("the garbage segment's dead letter, counted under a reason of the contract")
                        .isNotEmpty()
                        .allSatisfy(reason -> assertThat(reason).isIn(reasonLabels()).isNotEqualTo("other"));
            } finally {
                job.cancel().get();
            }
        }
    }

    /** The reasons of the contract as Prometheus labels: Flink's reporter turns a label value's '-' into '_'. */
    private static List<String> reasonLabels() {
        List<String> labels = new ArrayList<>(EnumSet.allOf(DeadLetterReason.class).stream()
                .map(r -> r.code().replace('-', '_')).toList());
        labels.add("other");
        return labels;
    }

    private interface ScrapeCondition {
        boolean holds(PrometheusScrape scrape);
    }

    private static PrometheusScrape waitForScrape(int port, JobClient job, String what, ScrapeCondition condition) throws Exception {
        PrometheusScrape[] last = {new PrometheusScrape(List.of())};
        Eventually.waitFor(what, DEADLINE, () -> !job.getJobStatus().join().isGloballyTerminalState(), () -> {
            last[0] = PrometheusScrape.of(port);
            return condition.holds(last[0]);
        });
        return last[0];
    }

    /** A complete one-segment stream of random bytes, as a broken producer might send it. */
    private static void publishGarbageSegment(LocalPipeline local, String streamId) {
        byte[] garbage = new byte[64 * 1024];
        new Random(3).nextBytes(garbage);
        RecordHeaders h = new RecordHeaders();
        h.add(SegmentHeaders.SEQ, "0".getBytes(StandardCharsets.UTF_8));
        h.add(SegmentHeaders.START_US, "0".getBytes(StandardCharsets.UTF_8));
        h.add(SegmentHeaders.CONTAINER, "mpegts".getBytes(StandardCharsets.UTF_8));
        h.add(SegmentHeaders.LAST, "true".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(local.kafka().properties(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SEGMENTS, null, streamId, garbage, h));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
