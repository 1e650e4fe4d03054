package io.streamlens.sampler.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.DeadLetter;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.ClipFixtures;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import io.streamlens.sampler.SamplingOptions;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeAndSampleTest {
    @TempDir
    Path dir;

    static List<SampledFrame> frames(KeyedOneInputStreamOperatorTestHarness<String, VideoSegment, SampledSegment> harness) {
        return harness.extractOutputValues().stream().flatMap(s -> s.frames().stream()).toList();
    }

    @Test
    void shouldSampleAcrossSegmentsAndClearTheStreamAfterItsLastSegment() throws Exception {
        List<VideoSegment> segments = ClipFixtures.segments(dir, "shots", ClipFixtures.THREE_SHOTS);
        try (KeyedOneInputStreamOperatorTestHarness<String, VideoSegment, SampledSegment> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                             new DecodeAndSample(new SamplingOptions(SamplerSpec.scene(0.35), new FrameSize(96), 1)), VideoSegment::streamId, Types.STRING)) {
            // the record timestamps are the segments' Kafka timestamps: their arrival travels on
            harness.processElement(segments.get(0), 1_796_000_000_000L);
            harness.processElement(segments.get(1), 1_796_000_002_000L);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
            harness.processElement(segments.get(2), 1_796_000_004_000L);

            assertThat(frames(harness)).extracting(SampledFrame::sceneId).containsExactly(0, 1, 2);
            assertThat(harness.extractOutputValues()).extracting(SampledSegment::endUs)
                    .containsExactly(2_000_000L, 4_000_000L, 6_000_000L);
            assertThat(harness.extractOutputValues()).extracting(SampledSegment::last).containsExactly(false, false, true);
            assertThat(harness.extractOutputValues()).extracting(SampledSegment::arrivedAtMs)
                    .containsExactly(1_796_000_000_000L, 1_796_000_002_000L, 1_796_000_004_000L);
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void shouldDeadLetterAnUndecodableSegmentAndKeepTheStreamsState() throws Exception {
        List<VideoSegment> segments = ClipFixtures.segments(dir, "shots", ClipFixtures.THREE_SHOTS);
        byte[] noise = new byte[10_000];
        new java.util.Random(3).nextBytes(noise);
        VideoSegment broken = new VideoSegment("shots", 1, 2_000_000, "mpegts", false, "shots.mp4", noise);
        try (KeyedOneInputStreamOperatorTestHarness<String, VideoSegment, SampledSegment> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                             new DecodeAndSample(new SamplingOptions(SamplerSpec.scene(0.35), new FrameSize(96), 1)), VideoSegment::streamId, Types.STRING)) {
            harness.processElement(segments.get(0), 0);
            harness.processElement(broken, 0);
            harness.processElement(segments.get(2), 0);

            List<DeadLetter> letters = harness.getSideOutput(DecodeAndSample.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
            assertThat(letters).singleElement().satisfies(l -> {
                assertThat(l.reason()).isEqualTo("undecodable");
                assertThat(l.seq()).isEqualTo(1);
            });
            // Both sides of the lost segment are sampled, and the shot change across it is still seen.
            assertThat(frames(harness)).extracting(SampledFrame::ptsMs).containsExactly(0L, 1600L, 4000L);
            assertThat(harness.extractOutputValues()).extracting(s -> s.frames().size()).containsExactly(2, 0, 1);
        }
    }
}
