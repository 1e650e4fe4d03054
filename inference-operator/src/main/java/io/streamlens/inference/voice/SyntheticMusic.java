package io.streamlens.inference.voice;

import io.streamlens.sampler.audio.PcmChunk;
import java.util.Random;

/**
 * Music with no voice in it, made on the spot for tests and the speech benchmark (no recording
 * of music ships in the Debian packages the project may fetch): what voice activity must keep
 * away from the recogniser.
 */
public final class SyntheticMusic {
    private SyntheticMusic() {
    }

    /**
     * Music without voice: a four-chord progression (each note with three harmonics and a slow
     * tremolo), a kick drum on every beat and a noise hi-hat between, 120 beats a minute.
     */
    public static short[] of(double seconds, long seed) {
        double[][] chords = {{261.6, 329.6, 392.0}, {220.0, 261.6, 329.6}, {174.6, 220.0, 261.6}, {196.0, 246.9, 293.7}};
        Random noise = new Random(seed);
        short[] out = new short[(int) Math.round(seconds * PcmChunk.SAMPLE_RATE)];
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) PcmChunk.SAMPLE_RATE;
            double[] chord = chords[(int) (t / 2) % chords.length];
            double v = 0;
            for (double f : chord) {
                for (int harmonic = 1; harmonic <= 3; harmonic++) {
                    v += Math.sin(2 * Math.PI * f * harmonic * t) / (harmonic * 2.0);
                }
            }
            v *= 0.12 * (1 + 0.2 * Math.sin(2 * Math.PI * 5 * t));
            double beat = t % 0.5;
            v += 0.5 * Math.exp(-beat * 30) * Math.sin(2 * Math.PI * (50 + 60 * Math.exp(-beat * 40)) * beat);
            double offBeat = (t + 0.25) % 0.5;
            v += 0.15 * Math.exp(-offBeat * 80) * (noise.nextDouble() * 2 - 1);
            out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(v * 12_000)));
        }
        return out;
    }
}
