package io.streamlens.inference.voice;

import io.streamlens.sampler.audio.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a stream's audio down to its voiced spans widened by {@link VadSettings#padUs()}, keeping
 * every sample's stream time, so a recogniser fed the pieces as separate {@link PcmChunk}s gives
 * words on the stream's clock.
 *
 * <p>Streaming (inside {@link VoiceActivity}): judged audio is held until it is known whether it
 * pads a span. While no span is open only the last {@code padUs} is held (a span starting next
 * gets it as its lead-in); an open span is released as soon as it is longer than
 * {@link VadSettings#minSpeechUs()}, and from then on as it is heard, so the recogniser is never
 * more than a model chunk behind and a long utterance is not held back; a silence inside it is
 * released only up to its padding until speech resumes. Once-off ({@link #cut}): for whole recordings and tests.
 */
final class VoicedAudio {
    private final VadSettings settings;
    private short[] held;
    private int heldLength;
    private long heldStartUs;
    private final List<PcmChunk> released = new ArrayList<>();

    VoicedAudio(VadSettings settings, VadState state) {
        this.settings = settings;
        this.held = Arrays.copyOf(state.held(), Math.max(state.held().length, SileroVad.SAMPLE_RATE));
        this.heldLength = state.held().length;
        this.heldStartUs = state.heldStartUs();
    }

    /**
     * The pieces of {@code audio} within {@code padUs} of a span, with their stream times. Chunks
     * must be in order; spans may overlap once padded and are then joined.
     */
    static List<PcmChunk> cut(List<PcmChunk> audio, List<VoicedSpan> spans, long padUs) {
        List<PcmChunk> pieces = new ArrayList<>();
        for (PcmChunk chunk : audio) {
            for (VoicedSpan span : spans) {
                long from = Math.max(chunk.startUs(), span.startUs() - padUs);
                long to = Math.min(chunk.endUs(), span.endUs() + padUs);
                if (to > from) {
                    int a = (int) PcmChunk.microsToSamples(from - chunk.startUs());
                    int b = (int) Math.min(chunk.samples().length, PcmChunk.microsToSamples(to - chunk.startUs()));
                    addJoined(pieces, new PcmChunk(chunk.startUs() + PcmChunk.samplesToMicros(a), Arrays.copyOfRange(chunk.samples(), a, b)));
                }
            }
        }
        return pieces;
    }

    /** Judged audio, contiguous with what is held ({@code startUs} is where the held audio ends). */
    void hear(short[] samples, int from, int count, long startUs) {
        if (heldLength == 0) {
            heldStartUs = startUs;
        }
        if (heldLength + count > held.length) {
            held = Arrays.copyOf(held, Math.max(held.length * 2, heldLength + count));
        }
        System.arraycopy(samples, from, held, heldLength, count);
        heldLength += count;
    }

    /** After each judged chunk, ending at {@code nowUs}: release what is now known to be voiced, drop what is not. */
    void settle(SpeechSpans spans, Optional<VoicedSpan> closed, long nowUs) {
        closed.ifPresent(span -> release(span.startUs() - settings.padUs(), span.endUs() + settings.padUs()));
        if (spans.speaking) {
            if (spans.confirmed(nowUs)) {
                // Inside a silence that may close the span, hold all but its padding back.
                long until = spans.silenceStartUs == VadState.NONE ? nowUs : Math.min(nowUs, spans.silenceStartUs + settings.padUs());
                release(spans.speechStartUs - settings.padUs(), until);
            } else {
                dropBefore(spans.speechStartUs - settings.padUs());
            }
        } else {
            dropBefore(nowUs - settings.padUs());
        }
    }

    /** The audio stops (end of stream, or a long hole): nothing held can pad a later span. */
    void stop(Optional<VoicedSpan> closed) {
        closed.ifPresent(span -> release(span.startUs() - settings.padUs(), span.endUs() + settings.padUs()));
        heldLength = 0;
    }

    List<PcmChunk> released() {
        return released;
    }

    short[] held() {
        return Arrays.copyOf(held, heldLength);
    }

    long heldStartUs() {
        return heldStartUs;
    }

    /** Releases held audio in {@code [fromUs, toUs)} and drops everything held before {@code toUs}. */
    private void release(long fromUs, long toUs) {
        int a = samplesBefore(fromUs);
        int b = samplesBefore(toUs);
        if (b > a) {
            addJoined(released, new PcmChunk(heldStartUs + PcmChunk.samplesToMicros(a), Arrays.copyOfRange(held, a, b)));
        }
        drop(b);
    }

    private void dropBefore(long us) {
        drop(samplesBefore(us));
    }

    private void drop(int samples) {
        if (samples <= 0) {
            return;
        }
        System.arraycopy(held, samples, held, 0, heldLength - samples);
        heldLength -= samples;
        heldStartUs += PcmChunk.samplesToMicros(samples);
    }

    /** How many held samples play before stream time {@code us}. */
    private int samplesBefore(long us) {
        return (int) Math.max(0, Math.min(heldLength, PcmChunk.microsToSamples(us - heldStartUs)));
    }

    /** Adds a piece, joined onto the previous one when it continues it exactly. */
    private static void addJoined(List<PcmChunk> pieces, PcmChunk piece) {
        if (!pieces.isEmpty()) {
            PcmChunk last = pieces.get(pieces.size() - 1);
            if (Math.abs(last.endUs() - piece.startUs()) < PcmChunk.samplesToMicros(1) + 1 ) {
                short[] joined = Arrays.copyOf(last.samples(), last.samples().length + piece.samples().length);
                System.arraycopy(piece.samples(), 0, joined, last.samples().length, piece.samples().length);
                pieces.set(pieces.size() - 1, new PcmChunk(last.startUs(), joined));
                return;
            } else if (piece.startUs() < last.endUs()) {
                // Padded spans overlapping inside one chunk (cut): keep only what continues the last piece.
                int skip = (int) PcmChunk.microsToSamples(last.endUs() - piece.startUs());
                if (skip >= piece.samples().length) {
                    return;
                }
                addJoined(pieces, new PcmChunk(last.endUs(), Arrays.copyOfRange(piece.samples(), skip, piece.samples().length)));
                return;
            }
        }
        pieces.add(piece);
    }
}
