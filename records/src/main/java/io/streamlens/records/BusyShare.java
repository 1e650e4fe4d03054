package io.streamlens.records;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The share of the last few seconds an operator spent with work in hand (at least one segment
 * begun and not yet done), which tells the operator that holds a live job back from one that is
 * only waiting for it: every operator behind a slow one sees its segments arrive late, but only
 * the slow one is busy all the time. Thread-safe.
 */
public final class BusyShare {
    /** The span the share is taken over. */
    public static final long SPAN_MS = 5_000;

    private record Interval(long fromMs, long toMs) {
    }

    private final LongSupplier clockMs;
    private final Deque<Interval> closed = new ArrayDeque<>();
    private int inHand;
    private long busySinceMs;

    public BusyShare(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    public synchronized void begin() {
        if (inHand++ == 0) {
            busySinceMs = clockMs.getAsLong();
        }
    }

    public synchronized void end() {
        if (inHand == 0) {
            return;
        }
        if (--inHand == 0) {
            long now = clockMs.getAsLong();
            closed.addLast(new Interval(busySinceMs, now));
            forgetBefore(now - SPAN_MS);
        }
    }

    /** 0 (idle for the whole span) to 1 (never without work in it). */
    public synchronized double share() {
        long now = clockMs.getAsLong();
        long from = now - SPAN_MS;
        forgetBefore(from);
        long busy = inHand > 0 ? now - Math.max(from, busySinceMs) : 0;
        for (Interval i : closed) {
            busy += Math.max(0, i.toMs() - Math.max(from, i.fromMs()));
        }
        return Math.min(1, (double) busy / SPAN_MS);
    }

    private void forgetBefore(long fromMs) {
        while (!closed.isEmpty() && closed.peekFirst().toMs() <= fromMs) {
            closed.removeFirst();
        }
    }
}
