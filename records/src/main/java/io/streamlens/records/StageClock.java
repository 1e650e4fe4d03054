package io.streamlens.records;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Busy time and counts per pipeline stage, accumulated JVM-wide: where the time of an archive run
 * goes, read by {@code bench archive} from the MiniCluster that runs in its own JVM. A stage is
 * timed where its work happens (the decoder, the batcher thread of each model, the recogniser),
 * so threads working in parallel add up to more than the wall time, and the figures say which
 * stage bounds the run. Cost: two {@code System.nanoTime} calls and one {@link LongAdder} add per
 * timed call, cheap enough to stay on in production.
 *
 * <pre>{@code
 * long started = StageClock.start();
 * decode(segment);
 * StageClock.stop("decode", started);
 * }</pre>
 */
public final class StageClock {
    private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private StageClock() {
    }

    /** The moment a timed call starts, for {@link #stop}. */
    public static long start() {
        return System.nanoTime();
    }

    /** Adds the time since {@code startedNanos} to {@code stage}. */
    public static void stop(String stage, long startedNanos) {
        addNanos(stage, System.nanoTime() - startedNanos);
    }

    public static void addNanos(String stage, long nanos) {
        NANOS.computeIfAbsent(stage, k -> new LongAdder()).add(nanos);
    }

    /** Counts {@code n} more of {@code what} (frames decoded, frames whose findings were reused …). */
    public static void count(String what, long n) {
        COUNTS.computeIfAbsent(what, k -> new LongAdder()).add(n);
    }

    /** Seconds per stage since the last {@link #reset}, by stage name. */
    public static Map<String, Double> seconds() {
        Map<String, Double> out = new TreeMap<>();
        NANOS.forEach((stage, nanos) -> out.put(stage, nanos.sum() / 1e9));
        return out;
    }

    /** Counts since the last {@link #reset}, by name. */
    public static Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((what, n) -> out.put(what, n.sum()));
        return out;
    }

    /** Starts a new measurement (between benchmark runs in one JVM). */
    public static void reset() {
        NANOS.clear();
        COUNTS.clear();
    }
}
