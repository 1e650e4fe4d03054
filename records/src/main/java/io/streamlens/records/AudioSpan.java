package io.streamlens.records;

import java.util.Collection;
import java.util.List;

/**
 * What a stretch of a stream's audio held, as voice activity and loudness tell it.
 *
 * @param kind {@link #SPEECH}, {@link #MUSIC_OR_NOISE} or {@link #SILENCE}
 */
public record AudioSpan(long startUs, long endUs, String kind) {
    public static final String SPEECH = "speech";
    public static final String MUSIC_OR_NOISE = "music or noise without speech";
    public static final String SILENCE = "silence";
    /** What a window says when none of its audio was heard because the stream has none. */
    public static final String NO_AUDIO = "no audio track";
    /** The speech note of a segment whose voiced audio a live job behind its streams did not transcribe. */
    public static final String NOT_TRANSCRIBED = "speech not transcribed: the job was behind its streams";
    /** The speech note of a segment whose audio a live job behind its streams did not listen to at all. */
    public static final String NOT_LISTENED = "audio not listened to: the job was behind its streams";

    /** Strongest first: a window with any speech is speech, else any sound is music or noise. */
    private static final List<String> PRECEDENCE = List.of(SPEECH, MUSIC_OR_NOISE, SILENCE);

    public AudioSpan {
        if (!PRECEDENCE.contains(kind)) {
            throw new IllegalArgumentException("unknown audio kind: " + kind);
        }
    }

    public boolean overlaps(long fromUs, long toUs) {
        return startUs < toUs && endUs > fromUs;
    }

    /** What a window overlapping these spans heard: the strongest kind among them, or empty for none. */
    public static String strongest(Collection<AudioSpan> spans) {
        return PRECEDENCE.stream().filter(k -> spans.stream().anyMatch(s -> s.kind.equals(k))).findFirst().orElse("");
    }
}
