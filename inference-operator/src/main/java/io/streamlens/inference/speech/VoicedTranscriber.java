package io.streamlens.inference.speech;

import io.streamlens.inference.voice.AudioKind;
import io.streamlens.inference.voice.Loudness;
import io.streamlens.inference.voice.VadState;
import io.streamlens.inference.voice.VadStep;
import io.streamlens.inference.voice.VoiceActivity;
import io.streamlens.inference.voice.VoicedSpan;
import io.streamlens.sampler.audio.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One stream's ears: voice activity first, and the recogniser only on the audio it marks as
 * voiced, so music, noise and silence cost a model chunk's probability and no recognition. The
 * voice state is a value the caller keeps (in keyed state); the recogniser's unfinished audio is
 * the {@link StreamTranscriber}'s, checkpointed through {@link StreamTranscriber#pendingAudio()}.
 *
 * <p>The recogniser never hears the silence after an utterance that would end it, so an
 * utterance is finalised here once no span has been open for {@link #FINALISE_AFTER_US} past the
 * audio it heard. Not sooner: the voice activity closes spans on pauses as short as its
 * {@code minSilenceUs}, even on a stop consonant inside a sentence, and an utterance finalised
 * there loses its last sound to one word and the next sound to another ("platform twelve" heard
 * as "platforms well").
 */
public final class VoicedTranscriber {
    /**
     * A pause this long after the recogniser's last audio (which already carries the span's end
     * padding) ends the utterance; the next span then starts well clear of it.
     */
    static final long FINALISE_AFTER_US = 800_000;
    /**
     * Caption windows wait for an unfinished utterance at most this long; words finished later
     * than that still reach later windows' evidence only if they start inside them.
     */
    static final long MAX_CAPTION_WAIT_US = 6_000_000L;
    /**
     * A segment's audio may end a frame or so before its pictures; windows ending in that gap
     * close with this segment rather than the next.
     */
    static final long END_SLACK_US = 100_000L;
    /** Kaldi's frame shift: 10 ms at 16 kHz. */
    private static final int FRAME_SAMPLES = PcmChunk.SAMPLE_RATE / 100;
    private final VoiceActivity vad;
    private final StreamTranscriber transcriber;

    /**
     * What one segment's audio gave.
     *
     * @param words words finalised by it, in order
     * @param kind what the audio was (speech, music or noise, silence)
     * @param heardUntilUs every word starting before this has been reported
     * @param recognisedUs how much audio the recogniser heard for it
     * @param state the voice state to keep for the stream's next segment
     */
    public record Heard(List<Word> words, AudioKind kind, long heardUntilUs, long recognisedUs, VadState state) {
    }

    public VoicedTranscriber(VoiceActivity vad, StreamTranscriber transcriber) {
        this.vad = vad;
        this.transcriber = transcriber;
    }

    /** Hears a segment's audio (chunks in order, at least one) after a stream's voice state. */
    public Heard hear(VadState state, List<PcmChunk> chunks) {
        return hear(state, chunks, true);
    }

    /**
     * As {@link #hear(VadState, List)}; without {@code transcribe} (a live job behind its streams)
     * only the voice activity listens: what the recogniser had is finalised, its voiced audio is
     * not recognised, and caption windows need not wait for words that will not come.
     */
    public Heard hear(VadState state, List<PcmChunk> chunks, boolean transcribe) {
        List<Word> words = new ArrayList<>();
        if (!transcribe && transcriber.pendingUs() > 0) {
            words.addAll(transcriber.flush());
        }
        List<VoicedSpan> spans = new ArrayList<>();
        long recognisedUs = 0;
        VadStep step = null;
        for (PcmChunk chunk : chunks) {
            step = vad.accept(state, chunk);
            state = step.state();
            recognisedUs += transcribe ? recognise(step, words) : 0;
            spans.addAll(step.closed());
            if (!state.speaking() && transcriber.pendingUs() > 0 && chunk.endUs() - transcriber.endUs() >= FINALISE_AFTER_US) {
                words.addAll(transcriber.flush());
            }
        }
        step.open().ifPresent(spans::add);
        long fromUs = chunks.get(0).startUs();
        long toUs = chunks.get(chunks.size() - 1).endUs();
        AudioKind kind = AudioKind.of(fromUs, toUs, spans, Loudness.rmsDbfs(chunks, fromUs, toUs));
        return new Heard(words, kind, transcribe ? heardUntilUs(state, toUs) : toUs + END_SLACK_US, recognisedUs, state);
    }

    /** The stream's audio has ended: an open span closes and everything heard is finalised. */
    public List<Word> finish(VadState state) {
        List<Word> words = new ArrayList<>();
        VadStep step = vad.finish(state);
        step.voicedAudio().forEach(piece -> words.addAll(transcriber.accept(piece.startUs(), piece.samples())));
        words.addAll(transcriber.flush());
        return words;
    }

    private long recognise(VadStep step, List<Word> words) {
        long heardUs = 0;
        for (PcmChunk voiced : step.voicedAudio()) {
            PcmChunk piece = onFrameGrid(voiced);
            words.addAll(transcriber.accept(piece.startUs(), piece.samples()));
            heardUs += piece.endUs() - piece.startUs();
        }
        return heardUs;
    }

    /**
     * The piece without its first samples up to the next 10 ms of stream time. The recogniser's
     * features are 10 ms frames counted from the first sample it hears; a recogniser that starts
     * on the stream's own grid hears the same frames as one that heard everything, and measurably
     * decodes words at an utterance's start as that one does (espeak's "platform twelve" is
     * otherwise heard as "platforms well").
     */
    static PcmChunk onFrameGrid(PcmChunk piece) {
        int offset = (int) Math.floorMod(PcmChunk.microsToSamples(piece.startUs()), FRAME_SAMPLES);
        int skip = Math.min(piece.samples().length, offset == 0 ? 0 : FRAME_SAMPLES - offset);
        return skip == 0 ? piece : new PcmChunk(piece.startUs() + PcmChunk.samplesToMicros(skip),
                Arrays.copyOfRange(piece.samples(), skip, piece.samples().length));
    }

    /**
     * How far the stream's speech is complete after audio ending at {@code audioEndUs}. With no
     * span open and nothing unfinished in the recogniser, all of it but the audio the voice
     * activity still holds: a span opening on the next chunk takes that as its lead-in, and its
     * first word may start there. Otherwise up to where the open span or the recogniser's
     * unfinished utterance began, but never holding caption windows back more than
     * {@link #MAX_CAPTION_WAIT_US}.
     */
    long heardUntilUs(VadState state, long audioEndUs) {
        if (!state.speaking() && transcriber.pendingUs() == 0) {
            return state.held().length > 0 ? state.heldStartUs() : audioEndUs + END_SLACK_US;
        }
        long unfinished = transcriber.pendingUs() > 0 ? transcriber.finalUntilUs() : Long.MAX_VALUE;
        if (state.speaking()) {
            unfinished = Math.min(unfinished, state.speechStartUs() - vad.settings().padUs());
        }
        return Math.max(unfinished, audioEndUs - MAX_CAPTION_WAIT_US);
    }
}
