package io.streamlens.captions.track;

import io.streamlens.records.Detection;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.TrackedFrame;
import io.streamlens.records.TrackedObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Synthetic detections and a tracker driven frame by frame, for tests. */
final class Scenes {

    private final ObjectTracker tracker;
    private TrackerState state = TrackerState.EMPTY;
    private final List<TrackedFrame> frames = new ArrayList<>();

    Scenes() {
        this(TrackerOptions.DEFAULTS);
    }

    Scenes(TrackerOptions options) {
        this.tracker = new ObjectTracker(options);
    }

    static long seconds(double s) {
        return Math.round(s * 1_000_000);
    }

    /** A standing person 0.1 wide and 0.4 tall whose left edge is at {@code x}. */
    static Detection person(double x, double score) {
        return box("person", score, x, 0.3, 0.1, 0.4);
    }

    static Detection person(double x) {
        return person(x, 0.9);
    }

    static Detection box(String label, double score, double x, double y, double width, double height) {
        return new Detection(label, (float) score, (float) x, (float) y, (float) (x + width), (float) (y + height));
    }

    static FrameDetections at(double s, Detection... detections) {
        return FrameDetections.seen(seconds(s), Arrays.asList(detections));
    }

    static FrameDetections notLookedAt(double s) {
        return FrameDetections.notLooked(seconds(s));
    }

    TrackedFrame see(FrameDetections frame) {
        TrackerStep step = tracker.step(state, frame);
        state = step.state();
        frames.add(step.frame());
        return step.frame();
    }

    TrackedFrame see(double s, Detection... detections) {
        return see(at(s, detections));
    }

    TrackerState state() {
        return state;
    }

    void restore(TrackerState value) {
        state = value;
    }

    List<TrackedFrame> frames() {
        return List.copyOf(frames);
    }

    /** The ids of the tracks seen in a frame, by id. */
    static List<Long> ids(TrackedFrame frame) {
        return frame.objects().stream().map(TrackedObject::trackId).toList();
    }

    /** The id of the one track of this label in the frame. */
    static long idOf(TrackedFrame frame, String label) {
        List<Long> ids = frame.objects().stream().filter(o -> o.label().equals(label)).map(TrackedObject::trackId).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + label + " at " + frame.ptsUs() + " us, got " + frame.objects());
        }
        return ids.get(0);
    }
}
