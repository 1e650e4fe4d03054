package io.streamlens.inference.voice;

import io.streamlens.sampler.audio.PcmChunk;
import java.util.List;
import java.util.Optional;

/**
 * What one call of {@link VoiceActivity} gave.
 *
 * @param state to keep for the stream's next call
 * @param closed spans that ended in this audio, in order
 * @param open the span still going at the end of it (its end so far), if any; it may yet be
 *     dropped as too short
 * @param voicedAudio the audio to hand the recogniser, with padding, on the stream's clock: spans
 *     as soon as they are long enough, in order, never twice
 */
public record VadStep(VadState state, List<VoicedSpan> closed, Optional<VoicedSpan> open, List<PcmChunk> voicedAudio) {
    public VadStep {
        closed = List.copyOf(closed);
        voicedAudio = List.copyOf(voicedAudio);
    }
}
