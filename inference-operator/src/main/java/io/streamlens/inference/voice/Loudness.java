package io.streamlens.inference.voice;

import io.streamlens.sampler.audio.PcmChunk;
import java.util.List;

/** RMS level of 16-bit audio in dBFS (0 = a full-scale square wave; a full-scale sine is -3). */
public final class Loudness {
    private Loudness() {
    }

    /**
     * The RMS level of the audio in {@code [fromUs, toUs)}; holes count as silence, and no audio at
     * all is {@link Double#NEGATIVE_INFINITY}.
     */
    public static double rmsDbfs(List<PcmChunk> audio, long fromUs, long toUs) {
        double sumSquares = 0;
        long heard = 0;
        for (PcmChunk chunk : audio) {
            int a = (int) Math.max(0, PcmChunk.microsToSamples(fromUs - chunk.startUs()));
            int b = (int) Math.min(chunk.samples().length, Math.max(0, PcmChunk.microsToSamples(toUs - chunk.startUs())));
            for (int i = a; i < b; i++) {
                double s = chunk.samples()[i] / 32768.0;
                sumSquares += s * s;
            }
            heard += Math.max(0, b - a);
        }
        long span = Math.max(heard, PcmChunk.microsToSamples(toUs - fromUs));
        return span == 0 || sumSquares == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sumSquares / span);
    }
}
