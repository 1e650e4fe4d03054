package io.streamlens.captions.track;

import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.TrackedFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One stream's tracks across its segments: each analysed frame's detections go through the
 * {@link ObjectTracker} in time order, and the frame comes back carrying what the tracker made of
 * it. Plain Java; the Flink operator keeps the {@link State} per stream.
 *
 * <p>A shot change drops the open tracks (keeping the id counter): boxes do not carry over a cut,
 * and matching across one would join unrelated things. A frame at or before the last one tracked
 * (a replay after a restore) is passed on untracked rather than breaking the time order.
 */
public final class StreamTracks {
    private final ObjectTracker tracker;

    public StreamTracks(TrackerOptions options) {
        this.tracker = new ObjectTracker(options);
    }

    /** The tracker's state and the shot of the last frame tracked (-1 before any). */
    public record State(TrackerState tracker, int lastSceneId) {
        public static State initial() {
            return new State(TrackerState.EMPTY, -1);
        }
    }

    public record Step(AnalysedSegment segment, State next) {
    }

    public Step track(AnalysedSegment segment, State state) {
        TrackerState current = state.tracker();
        int scene = state.lastSceneId();
        List<FrameAnalysis> frames = new ArrayList<>(segment.frames());
        frames.sort(Comparator.comparingLong(FrameAnalysis::ptsUs));
        List<FrameAnalysis> tracked = new ArrayList<>(frames.size());
        for (FrameAnalysis frame : frames) {
            if (current.hasFrames() && frame.ptsUs() <= current.lastFramePtsUs()) {
                tracked.add(frame.withTracks(TrackedFrame.notLooked(frame.ptsUs())));
                continue;
            }
            if (scene >= 0 && frame.sceneId() != scene) {
                current = new TrackerState(current.nextId(), current.lastFramePtsUs(), current.lastFrameLooked(), List.of());
            }
            scene = frame.sceneId();
            FrameDetections detections = frame.objects().ptsUs() == frame.ptsUs()
                    ? frame.objects() : FrameDetections.notLooked(frame.ptsUs());
            TrackerStep step = tracker.step(current, detections);
            current = step.state();
            tracked.add(frame.withTracks(step.frame()));
        }
        return new Step(new AnalysedSegment(segment.streamId(), segment.seq(), segment.startUs(), segment.endUs(),
                segment.last(), segment.source(), tracked, segment.failures()), new State(current, scene));
    }
}
