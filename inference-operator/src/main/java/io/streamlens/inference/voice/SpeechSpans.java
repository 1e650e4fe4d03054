package io.streamlens.inference.voice;

import java.util.Optional;

/**
 * Hysteresis over one stream's chunk probabilities (Silero's own rule): a chunk at or above the
 * start threshold opens a span, or cancels a silence that had begun inside one; a chunk below the
 * end threshold begins a silence; one in between changes nothing. A silence of
 * {@link VadSettings#minSilenceUs()} closes the span where the silence began, and spans shorter
 * than {@link VadSettings#minSpeechUs()} are dropped. Mutable working copy of the
 * {@link VadState} fields it names.
 */
final class SpeechSpans {
    private final VadSettings settings;
    boolean speaking;
    long speechStartUs;
    long silenceStartUs;

    SpeechSpans(VadSettings settings, VadState state) {
        this.settings = settings;
        this.speaking = state.speaking();
        this.speechStartUs = state.speechStartUs();
        this.silenceStartUs = state.silenceStartUs();
    }

    /** Judges the chunk {@code [startUs, endUs)}; returns the span it closed, if any. */
    Optional<VoicedSpan> judge(float probability, long startUs, long endUs) {
        if (probability >= settings.startThreshold()) {
            if (!speaking) {
                speaking = true;
                speechStartUs = startUs;
            }
            silenceStartUs = VadState.NONE;
            return Optional.empty();
        }
        if (!speaking) {
            return Optional.empty();
        }
        if (probability < settings.endThreshold() && silenceStartUs == VadState.NONE) {
            silenceStartUs = startUs;
        }
        if (silenceStartUs != VadState.NONE && endUs - silenceStartUs >= settings.minSilenceUs()) {
            return close(silenceStartUs);
        }
        return Optional.empty();
    }

    /**
     * The audio stops at {@code nowUs} (end of stream, or a hole too long to bridge): an open span
     * ends where its silence began, or here.
     */
    Optional<VoicedSpan> close(long nowUs) {
        if (!speaking) {
            return Optional.empty();
        }
        long endUs = silenceStartUs != VadState.NONE ? silenceStartUs : nowUs;
        VoicedSpan span = new VoicedSpan(speechStartUs, endUs);
        speaking = false;
        speechStartUs = VadState.NONE;
        silenceStartUs = VadState.NONE;
        return span.durationUs() >= settings.minSpeechUs() ? Optional.of(span) : Optional.empty();
    }

    /** The open span as heard up to {@code nowUs}. */
    Optional<VoicedSpan> open(long nowUs) {
        if (!speaking) {
            return Optional.empty();
        }
        return Optional.of(new VoicedSpan(speechStartUs, silenceStartUs != VadState.NONE ? silenceStartUs : nowUs));
    }

    /** Whether the open span is long enough that it will be kept whatever follows. */
    boolean confirmed(long nowUs) {
        long endUs = silenceStartUs != VadState.NONE ? silenceStartUs : nowUs;
        return speaking && endUs - speechStartUs >= settings.minSpeechUs();
    }
}
