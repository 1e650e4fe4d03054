package io.streamlens.inference.voice;

import io.streamlens.sampler.audio.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a stream's audio holds speech: Silero VAD on fixed chunks of
 * {@link VadSettings#chunkSamples()}, its recurrent state and the samples short of a chunk carried
 * from call to call, probabilities turned into spans by {@link SpeechSpans}, and the audio around
 * them kept for the recogniser by {@link VoicedAudio}. A pure step over a {@link VadState} value
 * (the model call is deterministic), so a stream restored from a checkpoint mid-utterance goes on
 * to the same spans as one never interrupted.
 *
 * <p>Audio is kept contiguous as in {@code StreamTranscriber}: a hole up to
 * {@link VadSettings#maxFillUs()} is heard as silence and an overlap is trimmed, so a word cut by a
 * segment boundary is one span; a longer hole closes any open span and starts the model afresh.
 *
 * <pre>{@code
 * VoiceActivity vad = new VoiceActivity(sileroVad, VadSettings.DEFAULTS);
 * VadState state = VadState.initial();
 * for (PcmChunk chunk : chunks) {
 *     VadStep step = vad.accept(state, chunk);
 *     state = step.state();
 *     step.closed().forEach(spans::add);
 *     step.voicedAudio().forEach(v -> transcriber.accept(v.startUs(), v.samples()));
 * }
 * VadStep last = vad.finish(state);   // end of stream: closes an open span
 * }</pre>
 */
public final class VoiceActivity {
    private final SileroVad model;
    private final VadSettings settings;

    public VoiceActivity(SileroVad model, VadSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    public VadSettings settings() {
        return settings;
    }

    /** Hears the stream's next audio. */
    public VadStep accept(VadState state, PcmChunk chunk) {
        Run run = new Run(state);
        if (!run.started) {
            run.started = true;
            run.clockUs = chunk.startUs();
        }
        long gapUs = chunk.startUs() - run.endUs();
        int skip = 0;
        if (Math.abs(gapUs) > settings.maxFillUs()) {
            run.stop();
            run.clockUs = chunk.startUs();
        } else if (gapUs > 0) {
            run.append(new short[(int) PcmChunk.microsToSamples(gapUs)], 0);
        } else {
            skip = (int) Math.min(chunk.samples().length, PcmChunk.microsToSamples(-gapUs));
        }
        run.append(chunk.samples(), skip);
        run.judgeWholeChunks();
        return run.step();
    }

    /**
     * The stream's audio has ended: an open span closes where it went quiet (or at the end), the
     * samples short of a chunk are not judged, and the state returned is a fresh one.
     */
    public VadStep finish(VadState state) {
        Run run = new Run(state);
        run.stop();
        VadStep step = run.step();
        return new VadStep(VadState.initial(), step.closed(), Optional.empty(), step.voicedAudio());
    }

    /** One call's mutable working copy of a state. */
    private final class Run {
        boolean started;
        long clockUs;
        short[] undecided;
        int undecidedLength;
        final float[] h;
        final float[] c;
        long chunks;
        long voicedChunks;
        final SpeechSpans spans;
        final VoicedAudio audio;
        final List<VoicedSpan> closed = new ArrayList<>();
        final float[] input = new float[settings.chunkSamples()];

        Run(VadState state) {
            started = state.started();
            clockUs = state.clockUs();
            undecided = Arrays.copyOf(state.undecided(), Math.max(state.undecided().length, settings.chunkSamples()));
            undecidedLength = state.undecided().length;
            h = state.h().clone();
            c = state.c().clone();
            chunks = state.chunks();
            voicedChunks = state.voicedChunks();
            spans = new SpeechSpans(settings, state);
            audio = new VoicedAudio(settings, state);
        }

        long endUs() {
            return clockUs + PcmChunk.samplesToMicros(undecidedLength);
        }

        void append(short[] samples, int from) {
            int count = samples.length - from;
            if (undecidedLength + count > undecided.length) {
                undecided = Arrays.copyOf(undecided, undecidedLength + count);
            }
            System.arraycopy(samples, from, undecided, undecidedLength, count);
            undecidedLength += count;
        }

        void judgeWholeChunks() {
            int size = settings.chunkSamples();
            int at = 0;
            while (undecidedLength - at >= size) {
                for (int i = 0; i < size; i++) {
                    input[i] = undecided[at + i] / 32768f;
                }
                float probability = model.speechProbability(input, h, c);
                chunks++;
                if (probability >= settings.startThreshold()) {
                    voicedChunks++;
                }
                long endUs = clockUs + settings.chunkUs();
                audio.hear(undecided, at, size, clockUs);
                Optional<VoicedSpan> span = spans.judge(probability, clockUs, endUs);
                span.ifPresent(closed::add);
                audio.settle(spans, span, endUs);
                clockUs = endUs;
                at += size;
            }
            System.arraycopy(undecided, at, undecided, 0, undecidedLength - at);
            undecidedLength -= at;
        }

        /** The audio breaks off here: close what is open and forget the model's memory of it. */
        void stop() {
            Optional<VoicedSpan> span = spans.close(clockUs);
            span.ifPresent(closed::add);
            audio.stop(span);
            undecidedLength = 0;
            Arrays.fill(h, 0);
            Arrays.fill(c, 0);
        }

        VadStep step() {
            VadState next = new VadState(started, clockUs, Arrays.copyOf(undecided, undecidedLength), h, c, spans.speaking,
                    spans.speechStartUs, spans.silenceStartUs, audio.heldStartUs(), audio.held(), chunks, voicedChunks);
            return new VadStep(next, closed, spans.open(clockUs), audio.released());
        }
    }
}
