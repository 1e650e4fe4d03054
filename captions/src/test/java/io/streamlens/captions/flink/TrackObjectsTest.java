package io.streamlens.captions.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.track.TrackerOptions;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.Detection;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.TrackedObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TrackObjectsTest {
    /** A dog walking right across the frame, one frame a second, in segments of two seconds. */
    static AnalysedSegment segment(int seq, boolean last, int scene) {
        List<FrameAnalysis> frames = new ArrayList<>();
        for (int s = seq * 2; s < seq * 2 + 2; s++) {
            float x = 0.05f + 0.1f * s;
            frames.add(new FrameAnalysis(s * 1_000_000L, scene, 0, List.of(), 0, 0, 0, null)
                    .withObjects(FrameDetections.seen(s * 1_000_000L, List.of(new Detection("dog", 0.9f, x, 0.4f, x + 0.2f, 0.7f)))));
        }
        return new AnalysedSegment("cam", seq, seq * 2_000_000L, seq * 2_000_000L + 2_000_000, last, "cam.mp4", frames, List.of());
    }

    /** Not yet opened, so that a test can restore state into it first. */
    static KeyedOneInputStreamOperatorTestHarness<String, AnalysedSegment, AnalysedSegment> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new TrackObjects(TrackerOptions.DEFAULTS, Duration.ofMinutes(10))), AnalysedSegment::streamId, Types.STRING);
    }

    static List<Long> trackIds(List<AnalysedSegment> out) {
        return out.stream().flatMap(s -> s.frames().stream()).flatMap(f -> f.tracks().objects().stream())
                .map(TrackedObject::trackId).toList();
    }

    @Test
    void shouldKeepOneTrackAcrossSegmentsAndClearItsStateAtTheLastSegment() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(segment(0, false, 0), 0);
            h.processElement(segment(1, false, 0), 0);
            assertThat(h.numKeyedStateEntries()).isPositive();
            h.processElement(segment(2, true, 0), 0);
            assertThat(trackIds(h.extractOutputValues())).hasSize(6).containsOnly(1L);
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void shouldContinueTheSameTrackAfterARestore() throws Exception {
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(segment(0, false, 0), 0);
            snapshot = h.snapshot(1, 1);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(segment(1, true, 0), 0);
            assertThat(trackIds(restored.extractOutputValues())).containsOnly(1L);
        }
    }

    @Test
    void shouldStartNewTracksAfterACutAndNeverReuseAnId() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(segment(0, false, 0), 0);
            h.processElement(segment(1, true, 1), 0);
            List<Long> ids = trackIds(h.extractOutputValues());
            assertThat(ids.subList(0, 2)).containsOnly(1L);
            assertThat(ids.subList(2, 4)).doesNotContain(1L).allSatisfy(id -> assertThat(id).isGreaterThan(1L));
        }
    }
}
