package io.streamlens.inference.speech;

import io.streamlens.records.StageClock;
import io.streamlens.sampler.audio.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vosk.Recognizer;

/**
 * Turns one stream's audio, fed segment by segment, into final words with stream timestamps.
 *
 * <p>Audio is kept contiguous: a short hole between chunks (a lost audio frame, jitter between
 * segments) is filled with silence and an overlap is trimmed, so a word cut by a segment
 * boundary is heard whole; a hole longer than {@link #MAX_SILENCE_FILL_US} ends the utterance
 * and restarts the clock at the new chunk. Words come out only when Vosk hears the end of an
 * utterance, on {@link #flush()}, or when {@link #MAX_PENDING_US} of speech has gone unfinalised.
 *
 * <p>Each utterance gets a fresh native recogniser fed fixed blocks counted from the utterance's
 * first sample. That costs Vosk's speaker adaptation across utterances, but makes the words a
 * pure function of {@link #pendingAudio()}: a fresh transcriber {@link #restore restored} from it
 * says exactly what this one would have said, which is what checkpointing needs.
 *
 * <pre>{@code
 * try (StreamTranscriber transcriber = new StreamTranscriber(model)) {
 *     for (PcmChunk c : chunks) emit(transcriber.accept(c.startUs(), c.samples()));
 *     emit(transcriber.flush()); // end of stream
 * }
 * }</pre>
 */
public final class StreamTranscriber implements AutoCloseable {
    public static final int SAMPLE_RATE = PcmChunk.SAMPLE_RATE;
    /** Unbroken speech longer than this is finalised by force, which bounds {@link #pendingAudio()}. */
    public static final long MAX_PENDING_US = 30_000_000L;
    /** Holes up to this long are filled with silence; longer ones end the utterance. */
    public static final long MAX_SILENCE_FILL_US = 2_000_000L;
    /** 0.2 s: Vosk checks for an utterance's end once per block. */
    static final int BLOCK = SAMPLE_RATE / 5;

    private final SpeechModel model;
    private final short[] block = new short[BLOCK];
    private Recognizer recognizer;
    private boolean started;
    /** Stream time of pending[0]; the current recogniser's clock starts there. */
    private long pendingStartUs;
    private short[] pending = new short[SAMPLE_RATE * 4];
    private int pendingLength;
    /** How much of pending the current recogniser has heard (whole blocks). */
    private int pendingFed;

    public StreamTranscriber(SpeechModel model) {
        this.model = model;
    }

    /**
     * Hears 16 kHz mono PCM whose first sample plays at {@code startUs}.
     *
     * @return words finalised by this audio (often none), in order
     */
    public List<Word> accept(long startUs, short[] samples) {
        List<Word> words = new ArrayList<>();
        if (!started) {
            started = true;
            pendingStartUs = startUs;
        }
        long gapUs = startUs - endUs();
        int skip = 0;
        if (Math.abs(gapUs) > MAX_SILENCE_FILL_US) {
            words.addAll(flush());
            pendingStartUs = startUs;
        } else if (gapUs > 0) {
            appendSilence((int) toSamples(gapUs));
        } else {
            skip = (int) Math.min(samples.length, toSamples(-gapUs));
        }
        append(samples, skip);
        words.addAll(feedWholeBlocks());
        if (pendingLength >= toSamples(MAX_PENDING_US)) {
            words.addAll(flush());
        }
        return words;
    }

    /** Finalises everything heard so far (end of stream, or the caller decided the stream is idle). */
    public List<Word> flush() {
        if (pendingFed < pendingLength) {
            feed(pendingFed, pendingLength - pendingFed);
        }
        List<Word> words = recognizer == null ? List.of() : VoskResult.words(recognizer.getFinalResult(), pendingStartUs);
        endUtterance(pendingLength);
        return words;
    }

    /**
     * What to checkpoint: the audio heard since the last final words, at most
     * {@link #MAX_PENDING_US} long (about 1 MB). A fresh transcriber {@link #restore restored} from
     * it says the words this one would have said.
     */
    public PcmChunk pendingAudio() {
        return new PcmChunk(pendingStartUs, Arrays.copyOf(pending, pendingLength));
    }

    /**
     * Every word starting before this stream time has been returned; audio from here on is still
     * in the recogniser.
     */
    public long finalUntilUs() {
        return pendingLength > 0 ? pendingStartUs : endUs();
    }

    /** How long the audio not yet finalised is; an operator may {@link #flush()} an idle stream with much of it. */
    public long pendingUs() {
        return PcmChunk.samplesToMicros(pendingLength);
    }

    /**
     * Replays checkpointed audio into this fresh transcriber.
     *
     * @return words the replay finalised, which the lost transcriber had not emitted yet
     */
    public List<Word> restore(PcmChunk audio) {
        if (started) {
            throw new IllegalStateException("restore only into a fresh transcriber");
        }
        if (audio.samples().length == 0) {
            return List.of();
        }
        return accept(audio.startUs(), audio.samples());
    }

    private List<Word> feedWholeBlocks() {
        List<Word> words = new ArrayList<>();
        while (pendingLength - pendingFed >= BLOCK) {
            boolean utteranceEnded = feed(pendingFed, BLOCK);
            if (utteranceEnded) {
                words.addAll(VoskResult.words(recognizer.getResult(), pendingStartUs));
                endUtterance(pendingFed);
            }
        }
        return words;
    }

    private boolean feed(int from, int length) {
        if (recognizer == null) {
            recognizer = model.newRecognizer();
        }
        System.arraycopy(pending, from, block, 0, length);
        pendingFed = from + length;
        long started = StageClock.start();
        try {
            return recognizer.acceptWaveForm(block, length);
        } finally {
            StageClock.stop("speech", started);
        }
    }

    /** Drops the first {@code consumed} pending samples, which the finished utterance covered. */
    private void endUtterance(int consumed) {
        if (recognizer != null) {
            recognizer.close();
            recognizer = null;
        }
        System.arraycopy(pending, consumed, pending, 0, pendingLength - consumed);
        pendingLength -= consumed;
        pendingFed = 0;
        pendingStartUs += PcmChunk.samplesToMicros(consumed);
    }

    /** Stream time just after the last audio heard. */
    public long endUs() {
        return pendingStartUs + PcmChunk.samplesToMicros(pendingLength);
    }

    private void append(short[] samples, int from) {
        int count = samples.length - from;
        ensureRoom(count);
        System.arraycopy(samples, from, pending, pendingLength, count);
        pendingLength += count;
    }

    private void appendSilence(int count) {
        ensureRoom(count);
        Arrays.fill(pending, pendingLength, pendingLength + count, (short) 0);
        pendingLength += count;
    }

    private void ensureRoom(int count) {
        if (pendingLength + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + count));
        }
    }

    private static long toSamples(long micros) {
        return Math.round(micros * (double) SAMPLE_RATE / 1e6);
    }

    @Override
    public void close() {
        if (recognizer != null) {
            recognizer.close();
            recognizer = null;
        }
    }
}
