package io.streamlens.inference.voice;

import java.util.Arrays;

/**
 * Everything {@link VoiceActivity} remembers about one stream between calls, as a value of
 * primitives and arrays that Flink keeps in RocksDB without Kryo (about 8 KB; 25 KB at most, while a
 * span too short to keep yet is held with its lead-in): restored,
 * it continues mid-utterance exactly as an uninterrupted run would.
 *
 * @param started whether any audio was heard (before that, {@code clockUs} means nothing)
 * @param clockUs stream time of {@code undecided[0]}: the model has judged all audio before it
 * @param undecided samples not yet a whole model chunk
 * @param h the model's recurrent state, {@link SileroVad#STATE_FLOATS}
 * @param c likewise
 * @param speaking whether a span is open
 * @param speechStartUs where the open span started (meaningless when not speaking)
 * @param silenceStartUs where the silence that may close the open span started, or {@link #NONE}
 * @param heldStartUs stream time of {@code held[0]}
 * @param held judged audio kept until it is known whether it pads a span (it ends at {@code clockUs})
 * @param chunks model calls so far
 * @param voicedChunks of them, chunks at or above the start threshold
 */
public record VadState(boolean started, long clockUs, short[] undecided, float[] h, float[] c, boolean speaking,
        long speechStartUs, long silenceStartUs, long heldStartUs, short[] held, long chunks, long voicedChunks) {

    /** No time: no silence has started yet. */
    public static final long NONE = Long.MIN_VALUE;

    /** A stream nothing was heard of yet. */
    public static VadState initial() {
        return new VadState(false, 0, new short[0], new float[SileroVad.STATE_FLOATS], new float[SileroVad.STATE_FLOATS],
                false, NONE, NONE, 0, new short[0], 0, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VadState s && started == s.started && clockUs == s.clockUs && speaking == s.speaking
                && speechStartUs == s.speechStartUs && silenceStartUs == s.silenceStartUs && heldStartUs == s.heldStartUs
                && chunks == s.chunks && voicedChunks == s.voicedChunks && Arrays.equals(undecided, s.undecided)
                && Arrays.equals(h, s.h) && Arrays.equals(c, s.c) && Arrays.equals(held, s.held);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(clockUs) * 31 + Arrays.hashCode(h);
    }

    @Override
    public String toString() {
        return "VadState[@" + clockUs + "us, speaking=" + speaking + ", undecided=" + undecided.length + ", held="
                + held.length + ", chunks=" + chunks + "]";
    }
}
