package io.streamlens.records;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How hard one operator of a live job should shed, from how far behind its streams it runs: each
 * segment reports the delay between its arrival in Kafka and now, and while that is above the
 * target and the operator itself is busy (it, not another, holds the job back: see
 * {@link BusyShare}) the level rises (one step a second at most); while the delay is below half the
 * target it falls again (one step every four seconds at most, so a brief lull does not bring the
 * whole load back at once). Between the two it holds.
 *
 * <p>Arrival times are Kafka record timestamps, which producers set: a stream forging old ones
 * would seem far behind. The level therefore follows the lower median of the streams' latest
 * delays, so one stream cannot make the operator shed for the others (a lone stream only for
 * itself); a delay counts at most a day, one in the future as none, and at most
 * {@link #MAX_STREAMS} streams are remembered. Thread-safe.
 */
public final class BacklogLevel {
    static final long RAISE_EVERY_MS = 1_000;
    static final long LOWER_EVERY_MS = 4_000;
    /** A stream's delay counts while it is at most this old. */
    static final long RECENT_MS = 10_000;
    /** An operator busier than this share of the time is taken to be what holds the job back. */
    public static final double BUSY = 0.6;
    public static final long MAX_BEHIND_MS = 86_400_000;
    public static final int MAX_STREAMS = 4096;

    private record Delay(long behindMs, long atMs) {
    }

    private final long targetMs;
    private final int maxLevel;
    private final LongSupplier clockMs;
    private final BusyShare busy;
    private final Map<String, Delay> delays = LeastRecentlyUsed.map(MAX_STREAMS);
    private int level;
    private long changedAtMs = Long.MIN_VALUE / 2;
    private long behindMs;

    /** @param targetMs 0 or less: never shed */
    public BacklogLevel(long targetMs, int maxLevel, LongSupplier clockMs) {
        if (maxLevel < 1) {
            throw new IllegalArgumentException("a backlog needs at least one level of shedding, got " + maxLevel);
        }
        this.targetMs = targetMs;
        this.maxLevel = maxLevel;
        this.clockMs = clockMs;
        this.busy = new BusyShare(clockMs);
    }

    /** The arrival of a record whose Flink timestamp (its Kafka timestamp) is {@code recordTimestamp}, which may be absent. */
    public static long arrivalOf(Long recordTimestamp) {
        return recordTimestamp == null ? SampledSegment.ARRIVAL_UNKNOWN : recordTimestamp;
    }

    /** The operator has taken a segment in hand (for how busy it is: {@link BusyShare}). */
    public void workBegins() {
        busy.begin();
    }

    /** The operator is done with a segment it took in hand. */
    public void workEnds() {
        busy.end();
    }

    public synchronized int level() {
        return level;
    }

    /** How far behind arrival the streams are now, as the level sees it. */
    public synchronized long behindMs() {
        return behindMs;
    }

    synchronized int trackedStreams() {
        return delays.size();
    }

    /**
     * A segment of {@code streamId} that arrived at {@code arrivedAtMs} ({@link SampledSegment#ARRIVAL_UNKNOWN}:
     * not known, ignored) has got this far now; returns the level after it, with the operator as
     * busy as its {@link #workBegins}/{@link #workEnds} say.
     */
    public int observe(String streamId, long arrivedAtMs) {
        return observe(streamId, arrivedAtMs, busy.share());
    }

    /** As {@link #observe(String, long)}, with the operator busy {@code busyShare} of the time lately. */
    synchronized int observe(String streamId, long arrivedAtMs, double busyShare) {
        if (targetMs <= 0 || arrivedAtMs == SampledSegment.ARRIVAL_UNKNOWN) {
            return level;
        }
        long now = clockMs.getAsLong();
        // clamped before subtracting: a forged Long.MIN_VALUE would otherwise overflow into "not behind"
        long arrived = Math.min(now, Math.max(arrivedAtMs, now - MAX_BEHIND_MS));
        delays.put(streamId, new Delay(now - arrived, now));
        behindMs = lowerMedianOfRecent(now);
        if (behindMs > targetMs && busyShare >= BUSY && level < maxLevel && now - changedAtMs >= RAISE_EVERY_MS) {
            level++;
            changedAtMs = now;
        } else if (behindMs < targetMs / 2 && level > 0 && now - changedAtMs >= LOWER_EVERY_MS) {
            level--;
            changedAtMs = now;
        }
        return level;
    }

    private long lowerMedianOfRecent(long now) {
        long[] recent = delays.values().stream().filter(d -> now - d.atMs() <= RECENT_MS).mapToLong(Delay::behindMs).sorted().toArray();
        return recent.length == 0 ? 0 : recent[(recent.length - 1) / 2];
    }
}
