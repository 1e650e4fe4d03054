package io.streamlens.inference.shedding;

import io.streamlens.inference.analysis.FrameAnalyser;
import io.streamlens.inference.analysis.ShedPlanner;
import io.streamlens.records.BacklogLevel;
import io.streamlens.records.LeastRecentlyUsed;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.ShedWork;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Keeps a live job's analysis near real time when its streams bring more work than the machine can
 * do: each finished segment reports how long after its arrival in Kafka the models were done with
 * it, and the {@link BacklogLevel} that follows those delays says how many models to give up
 * ({@link ShedLevel}), while the models have had segments in hand most of the time (when they
 * are idle, it is another operator that holds the job back, and shedding models would not help).
 * Every stream of the subtask gets the same level at the same time, and text
 * is thinned by stream time, so no stream is starved to keep another whole. A segment the decoder
 * already cut to its keyframes (being behind itself) says so in each frame's shedding.
 * Thread-safe: plans are made on the operator's thread, delays arrive from the models' threads.
 */
public final class LoadShedder implements ShedPlanner {
    /** What a frame went without when its segment was decoded keyframes only. */
    public static final String BETWEEN_KEYFRAMES = "frames between keyframes";

    private final BacklogLevel backlog;
    private final Map<String, Long> lastTextUs = LeastRecentlyUsed.map(BacklogLevel.MAX_STREAMS);

    public LoadShedder(SheddingOptions options, LongSupplier clockMs) {
        this.backlog = new BacklogLevel(options.activeTargetMs(), ShedLevel.MAX, clockMs);
    }

    public LoadShedder(SheddingOptions options) {
        this(options, System::currentTimeMillis);
    }

    public int level() {
        return backlog.level();
    }

    /** How far behind arrival the analysis runs now, as the level sees it. */
    public long behindMs() {
        return backlog.behindMs();
    }

    /** The models a segment's frames do without at the current level; nothing when shedding is off. */
    @Override
    public synchronized Function<SampledFrame, ShedWork> plan(SampledSegment segment) {
        backlog.workBegins(); // until finished(): the models have this segment in hand
        int level = backlog.level(); // always 0 when shedding is off: its backlog has no target
        if (level == 0 && !segment.shedBetweenKeyframes()) {
            return frame -> ShedWork.NONE;
        }
        ShedLevel shed = ShedLevel.of(level);
        Map<SampledFrame, ShedWork> plan = new IdentityHashMap<>();
        for (SampledFrame frame : segment.frames()) {
            List<String> skipped = new ArrayList<>();
            if (segment.shedBetweenKeyframes()) {
                skipped.add(BETWEEN_KEYFRAMES);
            }
            skipped.addAll(shed.skipped());
            if (shed.textEveryUs() > 0 && !readsText(segment.streamId(), frame.ptsUs(), shed.textEveryUs())) {
                skipped.add(FrameAnalyser.TEXT);
            }
            plan.put(frame, new ShedWork(level, backlog.behindMs(), skipped));
        }
        if (segment.last()) {
            lastTextUs.remove(segment.streamId());
        }
        return frame -> plan.getOrDefault(frame, ShedWork.NONE);
    }

    private boolean readsText(String streamId, long ptsUs, long everyUs) {
        Long last = lastTextUs.get(streamId);
        // a time before the last read is a new stream under an old id: read at once
        if (last == null || ptsUs - last >= everyUs || ptsUs < last) {
            lastTextUs.put(streamId, ptsUs);
            return true;
        }
        return false;
    }

    /** A segment of {@code streamId} that arrived at {@code arrivedAtMs}, planned before, is done with the models now. */
    public void finished(String streamId, long arrivedAtMs) {
        backlog.workEnds();
        backlog.observe(streamId, arrivedAtMs);
    }
}
