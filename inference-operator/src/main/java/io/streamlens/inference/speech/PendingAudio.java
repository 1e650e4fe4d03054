package io.streamlens.inference.speech;

import java.util.Arrays;
import java.util.Objects;

/**
 * The audio a {@link StreamTranscriber} has heard but not yet turned into final words: what an
 * operator keeps in state so that a fresh transcriber, fed this after a restore, says exactly the
 * words the lost one would have said. At most {@link StreamTranscriber#MAX_PENDING_US} long
 * (about 1 MB), because longer unbroken speech is finalised by force.
 *
 * @param startUs stream time of {@code samples[0]}
 * @param samples 16 kHz mono 16-bit PCM
 */
public record PendingAudio(long startUs, short[] samples) {
    public static final PendingAudio NONE = new PendingAudio(0, new short[0]);

    public PendingAudio {
        Objects.requireNonNull(samples, "samples");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingAudio p && startUs == p.startUs && Arrays.equals(samples, p.samples);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(startUs) * 31 + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "PendingAudio[@" + startUs + "us, " + samples.length + " samples]";
    }
}
