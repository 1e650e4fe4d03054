package io.streamlens.inference.speech;

/**
 * Seconds spent listening per second of audio heard, over the latest segments: below 1 speech
 * recognition keeps up with a live stream, above 1 it falls behind. A window of segments rather
 * than the total since start, so that the figure follows the load (and the voice activity
 * detector's savings) as they change. Updated by the task thread, read by the metrics reporter's.
 */
public final class RealTimeFactor {
    private final long[] computeNanos;
    private final long[] audioUs;
    private int next;
    private int filled;

    /** @param segments how many of the latest segments the factor covers */
    public RealTimeFactor(int segments) {
        if (segments < 1) {
            throw new IllegalArgumentException("the factor needs at least one segment, got " + segments);
        }
        computeNanos = new long[segments];
        audioUs = new long[segments];
    }

    /** One segment: how much audio it held and how long listening to it took. Segments without audio are left out. */
    public synchronized void heard(long audioMicros, long nanos) {
        if (audioMicros <= 0) {
            return;
        }
        computeNanos[next] = Math.max(0, nanos);
        audioUs[next] = audioMicros;
        next = (next + 1) % audioUs.length;
        filled = Math.min(filled + 1, audioUs.length);
    }

    /** The factor over the latest segments, 0 before any audio was heard. */
    public synchronized double value() {
        long compute = 0;
        long audio = 0;
        for (int i = 0; i < filled; i++) {
            compute += computeNanos[i];
            audio += audioUs[i];
        }
        return audio == 0 ? 0 : compute / 1000.0 / audio;
    }
}
