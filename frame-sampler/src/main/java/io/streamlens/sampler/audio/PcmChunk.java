package io.streamlens.sampler.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run of contiguous 16 kHz mono signed 16-bit samples and where on the stream's timeline its
 * first sample plays, counted like video frame times (microseconds from the source's first frame).
 *
 * @param startUs presentation time of {@code samples[0]}
 * @param samples the audio, {@link #SAMPLE_RATE} per second
 */
public record PcmChunk(long startUs, short[] samples) {
    /** What speech recognisers want, and what every chunk is resampled to. */
    public static final int SAMPLE_RATE = 16_000;

    public PcmChunk {
        Objects.requireNonNull(samples, "samples");
    }

    public long durationUs() {
        return samplesToMicros(samples.length);
    }

    public long endUs() {
        return startUs + durationUs();
    }

    public static long samplesToMicros(long samples) {
        return samples * 1_000_000L / SAMPLE_RATE;
    }

    public static long microsToSamples(long micros) {
        return micros * SAMPLE_RATE / 1_000_000L;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcmChunk c && startUs == c.startUs && Arrays.equals(samples, c.samples);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(startUs) * 31 + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "PcmChunk[@" + startUs + "us, " + samples.length + " samples]";
    }
}
