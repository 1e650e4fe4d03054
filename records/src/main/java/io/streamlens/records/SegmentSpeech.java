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
 */
public record SegmentSpeech(String streamId, long seq, boolean last, long heardUntilUs,
                            List<SpokenWord> words, String note) {
    public SegmentSpeech {
        Objects.requireNonNull(streamId, "streamId");
        words = List.copyOf(words);
        note = note == null ? "" : note;
    }
}
