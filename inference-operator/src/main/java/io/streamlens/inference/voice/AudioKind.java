package io.streamlens.inference.voice;

import io.streamlens.records.AudioSpan;
import java.util.List;

/** What a caption window's audio is, for the caption to say: from how much of it is voiced and how loud it is. */
public enum AudioKind {
    SPEECH(AudioSpan.SPEECH),
    MUSIC_OR_NOISE(AudioSpan.MUSIC_OR_NOISE),
    SILENCE(AudioSpan.SILENCE);

    /**
     * Quieter than this (RMS) is silence: room tone, hiss and encoder noise sit around -60 to
     * -70 dBFS, while soft speech or background music is above -45.
     */
    public static final double SILENCE_DBFS = -50;
    /**
     * At least this share of the window in voiced spans makes it speech: one short word (the
     * 250 ms minimum span) in a 4 s window is 6 %, so a single word still counts, while a stray
     * span the model gives music now and then (one per several windows) does not dominate.
     */
    public static final double MIN_VOICED_FRACTION = 0.05;

    public final String label;

    AudioKind(String label) {
        this.label = label;
    }

    /**
     * @param spans voiced spans near the window (others are ignored)
     * @param rmsDbfs the window's level, {@link Loudness#rmsDbfs}
     */
    public static AudioKind of(long fromUs, long toUs, List<VoicedSpan> spans, double rmsDbfs) {
        long voicedUs = spans.stream().mapToLong(s -> s.overlapUs(fromUs, toUs)).sum();
        double voicedFraction = toUs > fromUs ? voicedUs / (double) (toUs - fromUs) : 0;
        if (voicedFraction >= MIN_VOICED_FRACTION) {
            return SPEECH;
        }
        return rmsDbfs < SILENCE_DBFS ? SILENCE : MUSIC_OR_NOISE;
    }
}
