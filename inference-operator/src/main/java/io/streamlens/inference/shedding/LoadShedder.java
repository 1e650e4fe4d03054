package io.streamlens.inference.shedding;

import io.streamlens.inference.analysis.ShedPlanner;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.ShedWork;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Keeps a live job's analysis near real time when its streams bring more work than the machine can
 * do: each finished segment reports how long after its arrival in Kafka the models were done with
 * it, and while that is above the target the shedding level rises (one step a second at most), and
 * while it is below half the target it falls again (one step every four seconds at most, so a
 * brief lull does not bring the whole load back at once). Each level gives up more models
 * ({@link ShedLevel}); every stream of the subtask gets the same level at the same time, and text
 * is thinned by stream time, so no stream is starved to keep another whole.
 *
 * <p>Arrival times are Kafka record timestamps, which producers set: a stream forging old ones
 * would seem far behind. The level therefore follows the lower median of the streams' latest
 * delays, so one stream cannot make the job shed for the others (a lone stream only for itself),
 * and a delay counts at most a day. Thread-safe: plans are made on the operator's thread,
 * observations arrive from the models' threads.
 */
public final class LoadShedder implements ShedPlanner {
    static final long RAISE_EVERY_MS = 1_000;
    static final long LOWER_EVERY_MS = 4_000;
    /** A stream's delay counts while it is at most this old. */
    static final long RECENT_MS = 10_000;
    static final long MAX_BEHIND_MS = 86_400_000;
    static final int MAX_STREAMS = 4096;

    private record Delay(long behindMs, long atMs) {
    }

    private final SheddingOptions options;
    private final LongSupplier clockMs;
    private final Map<String, Delay> delays = bounded();
    private final Map<String, Long> lastTextUs = bounded();
    private int level;
    private long changedAtMs = Long.MIN_VALUE / 2;
    private long behindMs;

    public LoadShedder(SheddingOptions options, LongSupplier clockMs) {
        this.options = options;
        this.clockMs = clockMs;
    }

    public LoadShedder(SheddingOptions options) {
        this(options, System::currentTimeMillis);
    }

    public synchronized int level() {
        return level;
    }

    /** How far behind arrival the analysis runs now, as the level sees it. */
    public synchronized long behindMs() {
        return behindMs;
    }

    /** How many streams' delays it remembers (bounded by {@link #MAX_STREAMS}). */
    synchronized int trackedStreams() {
        return delays.size();
    }

    /** The models a segment's frames do without at the current level; nothing when shedding is off. */
    @Override
    public synchronized Function<SampledFrame, ShedWork> plan(SampledSegment segment) {
        if (!options.enabled() || level == 0) {
            return frame -> ShedWork.NONE;
        }
        ShedLevel shed = ShedLevel.of(level);
        Map<SampledFrame, ShedWork> plan = new IdentityHashMap<>();
        for (SampledFrame frame : segment.frames()) {
            List<String> skipped = new ArrayList<>(shed.skipped());
            if (shed.textEveryUs() > 0 && !readsText(segment.streamId(), frame.ptsUs(), shed.textEveryUs())) {
                skipped.add(ShedLevel.TEXT);
            }
            plan.put(frame, new ShedWork(level, behindMs, skipped));
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

    /** A segment of {@code streamId} that arrived at {@code arrivedAtMs} is done with the models now. */
    public synchronized void finished(String streamId, long arrivedAtMs) {
        if (!options.enabled() || arrivedAtMs == SampledSegment.ARRIVAL_UNKNOWN) {
            return;
        }
        long now = clockMs.getAsLong();
        delays.put(streamId, new Delay(Math.min(MAX_BEHIND_MS, Math.max(0, now - arrivedAtMs)), now));
        behindMs = lowerMedianOfRecent(now);
        if (behindMs > options.targetMs() && level < ShedLevel.MAX && now - changedAtMs >= RAISE_EVERY_MS) {
            level++;
            changedAtMs = now;
        } else if (behindMs < options.targetMs() / 2 && level > 0 && now - changedAtMs >= LOWER_EVERY_MS) {
            level--;
            changedAtMs = now;
        }
    }

    private long lowerMedianOfRecent(long now) {
        long[] recent = delays.values().stream().filter(d -> now - d.atMs() <= RECENT_MS).mapToLong(Delay::behindMs).sorted().toArray();
        return recent.length == 0 ? 0 : recent[(recent.length - 1) / 2];
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_STREAMS;
            }
        };
    }
}
