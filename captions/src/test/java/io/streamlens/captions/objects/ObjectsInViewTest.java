package io.streamlens.captions.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.track.MotionOptions;
import io.streamlens.captions.track.ObjectTracker;
import io.streamlens.captions.track.TrackerOptions;
import io.streamlens.captions.track.TrackerState;
import io.streamlens.captions.track.TrackerStep;
import io.streamlens.captions.track.WindowObjects;
import io.streamlens.records.Detection;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.TrackedFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From detections to a caption sentence, the way the job will run it. */
class ObjectsInViewTest {

    private static Detection person(double x) {
        return new Detection("person", 0.9f, (float) x, 0.3f, (float) (x + 0.1), 0.7f);
    }

    private static final Detection PARKED_CAR = new Detection("car", 0.8f, 0.6f, 0.75f, 0.9f, 0.9f);

    @Test
    void twoPeopleCrossingInFrontOfAParkedCarAtOneFramePerSecond() {
        ObjectTracker tracker = new ObjectTracker(TrackerOptions.DEFAULTS);
        TrackerState state = TrackerState.EMPTY;
        List<TrackedFrame> frames = new ArrayList<>();
        for (int s = 0; s <= 5; s++) {
            List<Detection> seen = List.of(PARKED_CAR, person(0.15 + 0.12 * s), person(0.75 - 0.12 * s));
            TrackerStep step = tracker.step(state, FrameDetections.seen(s * 1_000_000L, seen));
            state = step.state();
            frames.add(step.frame());
        }
        WindowObjects objects = WindowObjects.of(0, 6_000_000, frames, MotionOptions.DEFAULTS);
        assertThat(ObjectSentences.describe(objects))
                .isEqualTo("Two people: one walking right, one walking left. A car parked.");
    }
}
