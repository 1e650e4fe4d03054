package io.streamlens.inference.captions;

import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.FrameAnalysis;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream's open caption windows: frames go in as segments arrive, windows come out once the
 * stream's own time has passed their end, or when the stream ends. Plain Java; the Flink operator
 * keeps a {@link State} per stream in RocksDB. Each stream advances on its own clock (its PTS), so
 * a slow or stalled stream never holds back the others, as one global watermark would.
 */
public final class StreamWindows {
    private final WindowSpec spec;

    public StreamWindows(WindowSpec spec) {
        this.spec = spec;
    }

    /**
     * What a stream keeps between segments: the frames that may still fall into an open window,
     * where the next window starts, and the last shot seen (to tell where new shots begin).
     */
    public record State(long nextStartUs, int lastSceneId, List<FrameAnalysis> frames, List<Long> sceneChangesUs) {
        public static State initial() {
            return new State(0, -1, List.of(), List.of());
        }
    }

    /** A closed window: its span, frames and the shot changes inside it. */
    public record Window(long startUs, long endUs, List<FrameAnalysis> frames, List<Long> sceneChangesUs) {
    }

    /** The windows closed by this segment, and the stream's state afterwards. */
    public record Step(List<Window> closed, State next) {
    }

    public Step add(AnalysedSegment segment, State state) {
        List<FrameAnalysis> frames = new ArrayList<>(state.frames());
        List<Long> changes = new ArrayList<>(state.sceneChangesUs());
        int lastScene = state.lastSceneId();
        for (FrameAnalysis frame : segment.frames()) {
            if (frame.ptsUs() < state.nextStartUs()) {
                continue; // belongs only to windows already closed (a late or replayed frame)
            }
            if (frame.sceneId() != lastScene) {
                changes.add(frame.ptsUs());
                lastScene = frame.sceneId();
            }
            frames.add(frame);
        }
        List<Window> closed = new ArrayList<>();
        long next = state.nextStartUs();
        while (next + spec.windowUs() <= segment.endUs() || (segment.last() && next < segment.endUs())) {
            long end = Math.min(next + spec.windowUs(), Math.max(segment.endUs(), next + 1));
            Window window = window(next, end, frames, changes);
            if (!window.frames().isEmpty()) {
                closed.add(window);
            }
            next += spec.hopUs();
            long keepFrom = next;
            frames.removeIf(f -> f.ptsUs() < keepFrom);
            changes.removeIf(t -> t < keepFrom);
        }
        return new Step(closed, new State(next, lastScene, frames, changes));
    }

    private static Window window(long start, long end, List<FrameAnalysis> frames, List<Long> changes) {
        return new Window(start, end,
                frames.stream().filter(f -> f.ptsUs() >= start && f.ptsUs() < end).toList(),
                changes.stream().filter(t -> t >= start && t < end).toList());
    }
}
