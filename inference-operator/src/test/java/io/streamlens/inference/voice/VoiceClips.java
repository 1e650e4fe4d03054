package io.streamlens.inference.voice;

import io.streamlens.sampler.audio.PcmChunk;
import io.streamlens.sampler.audio.SpokenClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 16 kHz test audio whose speech is known: espeak-ng sentences (resampled from its 22.05 kHz),
 * music synthesised here (chords of harmonic tones over a kick and hi-hat beat), silence, and
 * the truth of where the speech is, read off the synthesised speech's own level.
 */
public final class VoiceClips {
    static final int RATE = PcmChunk.SAMPLE_RATE;

    private VoiceClips() {
    }

    /** A sentence as espeak-ng says it, leading and trailing silence trimmed. */
    public static short[] speech(String sentence, Path dir) throws Exception {
        SpokenClips.Audio audio = SpokenClips.speak(sentence, dir);
        short[] resampled = resample(audio.samples(), audio.sampleRate(), RATE);
        List<long[]> truth = truth(resampled, 0);
        int from = (int) PcmChunk.microsToSamples(truth.get(0)[0]);
        int to = (int) PcmChunk.microsToSamples(truth.get(truth.size() - 1)[1]);
        return Arrays.copyOfRange(resampled, from, to);
    }

    public static short[] silence(double seconds) {
        return new short[(int) Math.round(seconds * RATE)];
    }

    /** {@link SyntheticMusic}: music without voice. */
    public static short[] music(double seconds, long seed) {
        return SyntheticMusic.of(seconds, seed);
    }

    public static short[] concat(short[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** {@code voice} mixed over {@code bed} starting {@code atSeconds} in. */
    public static short[] mix(short[] bed, short[] voice, double atSeconds) {
        short[] out = bed.clone();
        int at = (int) Math.round(atSeconds * RATE);
        for (int i = 0; i < voice.length && at + i < out.length; i++) {
            out[at + i] = (short) Math.max(-32768, Math.min(32767, out[at + i] + voice[i]));
        }
        return out;
    }

    /** The audio as PcmChunks of {@code size} samples, the first starting at {@code startUs}. */
    public static List<PcmChunk> chunks(short[] audio, long startUs, int size) {
        List<PcmChunk> chunks = new ArrayList<>();
        for (int at = 0; at < audio.length; at += size) {
            chunks.add(new PcmChunk(startUs + PcmChunk.samplesToMicros(at), Arrays.copyOfRange(audio, at, Math.min(audio.length, at + size))));
        }
        return chunks;
    }

    /** Pieces that continue each other joined into one, as a recogniser hears them. */
    static List<PcmChunk> joined(List<PcmChunk> pieces) {
        List<PcmChunk> out = new ArrayList<>();
        for (PcmChunk piece : pieces) {
            PcmChunk last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && Math.abs(last.endUs() - piece.startUs()) <= PcmChunk.samplesToMicros(1)) {
                out.set(out.size() - 1, new PcmChunk(last.startUs(), concat(last.samples(), piece.samples())));
            } else {
                out.add(piece);
            }
        }
        return out;
    }

    /**
     * Where synthesised speech is, {start, end} µs: 10 ms frames above -45 dBFS, joined across
     * pauses under 300 ms (espeak's gaps between words are shorter).
     */
    static List<long[]> truth(short[] speech, long startUs) {
        int frame = RATE / 100;
        List<long[]> spans = new ArrayList<>();
        for (int f = 0; f * frame < speech.length; f++) {
            double sum = 0;
            int n = Math.min(frame, speech.length - f * frame);
            for (int i = 0; i < n; i++) {
                double s = speech[f * frame + i] / 32768.0;
                sum += s * s;
            }
            if (10 * Math.log10(sum / n + 1e-12) > -45) {
                long from = startUs + f * 10_000L;
                if (!spans.isEmpty() && from - spans.get(spans.size() - 1)[1] < 300_000) {
                    spans.get(spans.size() - 1)[1] = from + 10_000;
                } else {
                    spans.add(new long[] {from, from + 10_000});
                }
            }
        }
        return spans;
    }

    private static short[] resample(short[] in, int fromRate, int toRate) {
        short[] out = new short[(int) ((long) in.length * toRate / fromRate)];
        for (int i = 0; i < out.length; i++) {
            double x = i * (double) fromRate / toRate;
            int a = (int) x;
            int b = Math.min(in.length - 1, a + 1);
            out[i] = (short) Math.round(in[a] + (in[b] - in[a]) * (x - a));
        }
        return out;
    }
}
