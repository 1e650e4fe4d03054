package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.ingest.SampleClip;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.VideoSegment;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentSamplerTest {
    private static final long ONE_FRAME_US = 1_000_000L / ClipFixtures.FPS;
    @TempDir
    static Path dir;
    static List<VideoSegment> threeShots;

    @BeforeAll
    static void cut() throws Exception {
        threeShots = ClipFixtures.segments(dir, "shots", ClipFixtures.THREE_SHOTS);
    }

    static List<SampledFrame> sampleAll(SamplerSpec spec, List<VideoSegment> segments) {
        List<SampledFrame> frames = new ArrayList<>();
        try (SegmentSampler sampler = new SegmentSampler(spec, new FrameSize(160), 1)) {
            SamplerState state = SamplerState.initial();
            for (VideoSegment segment : segments) {
                SegmentSampler.Outcome outcome = sampler.sample(segment, state, frames::add);
                assertThat(outcome.failure()).isEmpty();
                state = outcome.state();
            }
        }
        return frames;
    }

    @Test
    void threeSolidColourShotsGiveExactlyThreeSceneStartsAtTheirTimes() {
        List<SampledFrame> frames = sampleAll(SamplerSpec.scene(0.35), threeShots);

        assertThat(threeShots).hasSize(3);
        assertThat(frames).extracting(SampledFrame::ptsUs).containsExactly(0L, 1_600_000L, 4_000_000L);
        assertThat(frames).extracting(SampledFrame::sceneId).containsExactly(0, 1, 2);
        assertThat(frames).allSatisfy(f -> assertThat(f.novelty()).isGreaterThan(0.9));
    }

    @Test
    void uniformSamplingKeepsItsPhaseAcrossSegmentBoundaries() {
        // Every 0.7 s: due at 0, 0.7, 1.4, 2.1, … and taken at the first 40 ms frame at or after that.
        // Had the phase restarted per segment, the segment starts at 2.0 s and 4.0 s would be sampled.
        List<SampledFrame> frames = sampleAll(SamplerSpec.uniform(1 / 0.7), threeShots);

        assertThat(frames).extracting(SampledFrame::ptsMs)
                .containsExactly(0L, 720L, 1400L, 2120L, 2800L, 3520L, 4200L, 4920L, 5600L);
        assertThat(frames).extracting(SampledFrame::sceneId).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2);
    }

    @Test
    void keyframeSamplingDecodesOnlyKeyframes() {
        int decoded = 0;
        List<SampledFrame> frames = new ArrayList<>();
        try (SegmentSampler sampler = new SegmentSampler(SamplerSpec.keyframes(), new FrameSize(160), 1)) {
            SamplerState state = SamplerState.initial();
            for (VideoSegment segment : threeShots) {
                SegmentSampler.Outcome outcome = sampler.sample(segment, state, frames::add);
                decoded += outcome.framesDecoded();
                state = outcome.state();
            }
        }
        assertThat(decoded).isEqualTo(6); // one keyframe a second, 150 frames in all
        assertThat(frames).extracting(SampledFrame::ptsMs).containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 5000L);
        assertThat(frames).extracting(SampledFrame::sceneId).containsExactly(0, 0, 1, 1, 2, 2);
    }

    @Test
    void sampledPixelsAreResizedWithTheAspectKeptAndShowTheShotsColour() {
        SampledFrame first = sampleAll(SamplerSpec.scene(0.35), threeShots).get(0);

        assertThat(first.width()).isEqualTo(160);
        assertThat(first.height()).isEqualTo(90);
        int centre = (45 * 160 + 80) * 3;
        assertThat(first.rgb()[centre] & 0xff).isGreaterThan(180);   // red
        assertThat(first.rgb()[centre + 1] & 0xff).isLessThan(60);
        assertThat(first.rgb()[centre + 2] & 0xff).isLessThan(60);
    }

    @Test
    void aSegmentOfGarbageFailsAloneAndTheStreamGoesOn() {
        VideoSegment good = threeShots.get(1);
        byte[] noise = new byte[50_000];
        new java.util.Random(1).nextBytes(noise);
        VideoSegment garbage = new VideoSegment("shots", 1, 2_000_000, "mpegts", false, "shots.mp4", noise);
        try (SegmentSampler sampler = new SegmentSampler(SamplerSpec.uniform(1), new FrameSize(160), 1)) {
            SegmentSampler.Outcome failed = sampler.sample(garbage, SamplerState.initial(), f -> { });
            assertThat(failed.failure()).hasValueSatisfying(e -> assertThat(e.reason().code()).isEqualTo("undecodable"));
            List<SampledFrame> frames = new ArrayList<>();
            assertThat(sampler.sample(good, failed.state(), frames::add).failure()).isEmpty();
            assertThat(frames).isNotEmpty();
        }
    }

    @Test
    void aSegmentDecodedKeyframesOnlyOrNotAtAllEndsWhereItsPicturesDoNotAtItsLastKeyframe() throws Exception {
        // 5.4 s at 25 fps, a keyframe every second, cut every 2 s: the last segment runs 4.0-5.4 s
        // with keyframes at 4 and 5 s, so its frames alone would say it ends at 6 s
        List<VideoSegment> segments = ClipFixtures.segments(dir, "ragged", List.of(
                new SampleClip.Shot(Color.RED, "", 3.0), new SampleClip.Shot(Color.BLUE, "", 2.4)));
        VideoSegment last = segments.get(segments.size() - 1);
        try (SegmentSampler sampler = new SegmentSampler(SamplerSpec.uniform(1), new FrameSize(160), 1)) {
            long full = sampler.sample(last, SamplerState.initial(), frame -> { }, false).endUs();
            long keyframes = sampler.sample(last, SamplerState.initial(), frame -> { }, true).endUs();
            assertThat(full).isCloseTo(5_400_000L, within(ONE_FRAME_US));
            assertThat(keyframes).isEqualTo(full);
        }
        for (VideoSegment segment : segments) {
            long decodedEnd;
            try (SegmentSampler sampler = new SegmentSampler(SamplerSpec.uniform(1), new FrameSize(160), 1)) {
                decodedEnd = sampler.sample(segment, SamplerState.initial(), frame -> { }, false).endUs();
            }
            assertThat(SegmentDecoder.endOf(segment)).as("segment %d", segment.seq()).isEqualTo(decodedEnd);
        }
    }
}
