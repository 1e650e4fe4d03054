package io.streamlens.records;

import java.util.List;
import java.util.Objects;

/**
 * What was heard in one segment's audio: the words the recogniser finished with it (they may have
 * begun in earlier segments), how far the stream's speech is complete, and why there are no
 * words when there cannot be any.
 *
 * @param heardUntilUs every word starting before this time has been reported (by this record or
 *     an earlier one); later audio may still be in the recogniser. {@link Long#MAX_VALUE} when
 *     nothing is pending, so speech never holds a caption window back needlessly
 * @param note empty when the audio was listened to, otherwise why not ("no audio track", …)
 * @param audio what the segment's audio held, when it was listened to
 */
public record SegmentSpeech(String streamId, long seq, boolean last, long heardUntilUs,
                            List<SpokenWord> words, String note, List<AudioSpan> audio) {
    public SegmentSpeech {
        Objects.requireNonNull(streamId, "streamId");
        words = List.copyOf(words);
        note = note == null ? "" : note;
        audio = audio == null ? List.of() : List.copyOf(audio);
    }

    /** What was heard of a segment whose audio was not classified (tests, and speech recognition off). */
    public SegmentSpeech(String streamId, long seq, boolean last, long heardUntilUs, List<SpokenWord> words, String note) {
        this(streamId, seq, last, heardUntilUs, words, note, List.of());
    }
}
