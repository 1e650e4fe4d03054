package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.Perception;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.cli.CaptionTail;
import io.streamlens.deploy.cli.LocalPipeline;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.analysis.CarryOverOptions;
import io.streamlens.inference.shedding.SheddingOptions;
import io.streamlens.ingest.SampleClip;
import io.streamlens.records.Caption;
import io.streamlens.sampler.SamplerSpec;
import io.streamlens.sampler.SamplingOptions;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live job (real Kafka, MiniCluster with RocksDB, FFmpeg, ONNX Runtime) handed half a minute of
 * video at once, with a latency target no machine can meet, so its models are busy and behind and
 * it must shed: the segments' Kafka timestamps reach the models, the first window is captioned with
 * every model, later ones with fewer, level by level, each caption's evidence saying what was left
 * out and why, and text nobody read is not called absent.
 */
class LoadSheddingITCase {
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final int SHOTS = 15;

    @TempDir
    Path dir;

    @Test
    void aJobBehindItsTargetShedsModelsStepByStepAndItsCaptionsSaySo() throws Exception {
        Path clip = dir.resolve("signs.mp4");
        List<SampleClip.Shot> shots = new ArrayList<>();
        for (int s = 0; s < SHOTS; s++) {
            shots.add(new SampleClip.Shot(Color.getHSBColor(s / 9f, 0.6f, 0.7f), "PLATFORM " + (s + 10), 2));
        }
        SampleClip.write(clip, shots, 640, 360, 25, 25);
        JobOptions options = JobOptions.builder().parallelism(1)
                .models(ModelOptions.DEFAULT.withPerception(EnumSet.of(Perception.TEXT, Perception.OBJECTS)))
                .sampling(SamplingOptions.DEFAULT.withSampler(SamplerSpec.uniform(4)))
                // 120 frames, every one to the models: busy for seconds even on a machine several times faster
                .carryOver(CarryOverOptions.OFF)
                .shedding(SheddingOptions.targetSeconds(0.001)).build();
        List<Caption> captions = new CopyOnWriteArrayList<>();
        try (LocalPipeline local = LocalPipeline.start()) {
            JobClient job = local.startLive(options, Duration.ofSeconds(1));
            try (CaptionTail tail = new CaptionTail(local.kafka(), captions::add)) {
                local.publish(List.of(clip.toString()), List.of("signs"));
                Eventually.waitFor("the last window's caption", DEADLINE, () -> !job.getJobStatus().join().isGloballyTerminalState(),
                        () -> captions.stream().anyMatch(c -> c.endMs() >= SHOTS * 2000 - 100));
            } finally {
                job.cancel().get();
            }
        }
        List<Caption> inOrder = captions.stream().sorted(Comparator.comparingLong(Caption::startMs)).toList();

        Caption first = inOrder.get(0);
        assertThat(first.evidence().shed()).as("nothing was behind yet: %s", first).isNull();
        assertThat(first.text()).contains("PLATFORM 10");

        List<Caption.Shed> shed = inOrder.stream().map(c -> c.evidence().shed()).filter(s -> s != null).toList();
        assertThat(shed).as("captions that went without some model").isNotEmpty();
        assertThat(shed).allSatisfy(s -> {
            assertThat(s.level()).isBetween(1, 5);
            assertThat(s.behindMs()).isPositive();
            assertThat(s.frames()).isPositive();
            assertThat(s.why()).contains("behind its streams").contains("left out of");
            assertThat(s.skipped()).doesNotContain("posture", "expressions").as("only models that run are given up");
        });
        assertThat(shed.stream().mapToInt(Caption.Shed::level).max().orElse(0)).as("the level rose step by step").isGreaterThan(1);
        assertThat(shed).anySatisfy(s -> assertThat(s.skipped()).contains("objects"));
        for (Caption c : inOrder) {
            if (c.evidence().shed() != null && c.evidence().shed().skipped().contains("text")
                    && c.evidence().shed().frames() == c.evidence().frames() && c.evidence().text().isEmpty()) {
                assertThat(c.text()).as("unread text is not said to be absent: %s", c).doesNotContain("No text on screen");
            }
        }
    }
}
