package io.streamlens.inference.voice;

import java.io.Serializable;
import java.util.Set;

/**
 * How speech probabilities become voiced spans. Two thresholds give hysteresis: a span opens on a
 * chunk at or above {@code startThreshold} and only a run of chunks below {@code endThreshold}
 * lasting {@code minSilenceUs} closes it, so the dips inside words and between them do not cut a
 * sentence into pieces. Defaults are Silero's own (and {@code @ricky0123/vad}'s): 0.5 / 0.35.
 *
 * @param chunkSamples samples per model call at 16 kHz: 512 (32 ms), 1024 or 1536, what v4 was trained on
 * @param startThreshold a chunk this likely to be speech opens a span
 * @param endThreshold chunks below this count as silence inside an open span
 * @param minSpeechUs shorter spans are dropped: clicks, door slams, a single plucked note
 * @param minSilenceUs silence this long closes a span; shorter pauses (between words, breaths) stay inside
 * @param padUs audio kept before and after each span by {@link VoicedAudio}, so soft onsets and word
 *     ends the model scores low still reach the recogniser
 * @param maxFillUs a hole in the audio up to this long is heard as silence; a longer one ends any
 *     span and starts the model afresh (the same rule as {@code StreamTranscriber})
 */
public record VadSettings(int chunkSamples, float startThreshold, float endThreshold, long minSpeechUs,
        long minSilenceUs, long padUs, long maxFillUs) implements Serializable {

    private static final Set<Integer> TRAINED_CHUNKS = Set.of(512, 1024, 1536);
    public static final VadSettings DEFAULTS = new VadSettings(512, 0.5f, 0.35f, 250_000, 300_000, 200_000, 2_000_000);
    /**
     * What the job puts in front of the speech recogniser: spans close only after 600 ms of
     * silence and carry 600 ms of audio either side. Measured on three espeak sentences with a
     * pause and music between them, the small Vosk model missed 2–3 more words in 26 with the
     * tight defaults (it hears an utterance's first and last sounds worse without some silence
     * around them) and as many as without voice activity with these; music and silence still
     * reach it only around the rare stray span.
     */
    public static final VadSettings RECOGNITION = new VadSettings(512, 0.5f, 0.35f, 250_000, 600_000, 600_000, 2_000_000);

    public VadSettings {
        if (!TRAINED_CHUNKS.contains(chunkSamples)) {
            throw new IllegalArgumentException("chunkSamples must be 512, 1024 or 1536 (Silero v4 at 16 kHz), not " + chunkSamples);
        }
        if (!(0 < endThreshold && endThreshold <= startThreshold && startThreshold < 1)) {
            throw new IllegalArgumentException("need 0 < endThreshold <= startThreshold < 1, got " + endThreshold + " / " + startThreshold);
        }
        if (minSpeechUs < 0 || minSilenceUs < 0 || padUs < 0 || maxFillUs < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (padUs > minSilenceUs) {
            // A closed span's end padding must already have been heard when it closes (VoicedAudio relies on it).
            throw new IllegalArgumentException("padUs (" + padUs + ") must not exceed minSilenceUs (" + minSilenceUs + ")");
        }
    }

    public long chunkUs() {
        return chunkSamples * 1_000_000L / SileroVad.SAMPLE_RATE;
    }

    public VadSettings withChunkSamples(int samples) {
        return new VadSettings(samples, startThreshold, endThreshold, minSpeechUs, minSilenceUs, padUs, maxFillUs);
    }
}
