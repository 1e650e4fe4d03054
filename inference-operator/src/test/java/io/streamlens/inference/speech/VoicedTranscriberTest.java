package io.streamlens.inference.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.voice.AudioKind;
import io.streamlens.inference.voice.SileroVad;
import io.streamlens.inference.voice.VadSettings;
import io.streamlens.inference.voice.VadState;
import io.streamlens.inference.voice.VoiceActivity;
import io.streamlens.inference.voice.VoiceClips;
import io.streamlens.sampler.audio.PcmChunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voice activity in front of the recogniser, segment by segment as the job hears a stream:
 * espeak-ng speech is heard as well as without it, music and silence reach the recogniser not at
 * all, and each segment says what it held.
 */
class VoicedTranscriberTest {
    private static final String SENTENCE = "platform twelve is closed until nine thirty";
    private static final String WEATHER = "The weather today is sunny with a light breeze from the west";
    private static final String UMBRELLA = "Please remember to bring your umbrella tomorrow";
    /** Two-second segments, as the job's segments are. */
    private static final int SEGMENT = 2 * PcmChunk.SAMPLE_RATE;
    @TempDir
    static Path dir;
    static SileroVad vad;
    static SpeechModel speech;
    static short[] sentence;

    @BeforeAll
    static void open() throws Exception {
        vad = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1));
        speech = SpeechModel.acquire(SpeechClips.CACHE);
        sentence = VoiceClips.speech(SENTENCE, dir);
    }

    @AfterAll
    static void close() {
        vad.close();
        speech.close();
    }

    /** What a stream of segments gave, all told. */
    record Run(List<Word> words, List<AudioKind> kinds, long recognisedUs, List<Long> heardUntilUs) {
    }

    static Run hear(short[] audio) {
        return hear(audio, segment -> true);
    }

    /** As {@link #hear(short[])}, transcribing only the segments (by index) {@code transcribe} allows. */
    static Run hear(short[] audio, java.util.function.IntPredicate transcribe) {
        List<Word> words = new ArrayList<>();
        List<AudioKind> kinds = new ArrayList<>();
        List<Long> heardUntil = new ArrayList<>();
        long recognised = 0;
        try (StreamTranscriber transcriber = new StreamTranscriber(speech)) {
            VoicedTranscriber ears = new VoicedTranscriber(new VoiceActivity(vad, VadSettings.RECOGNITION), transcriber);
            VadState state = VadState.initial();
            List<PcmChunk> segments = VoiceClips.chunks(audio, 0, SEGMENT);
            for (int i = 0; i < segments.size(); i++) {
                PcmChunk segment = segments.get(i);
                VoicedTranscriber.Heard heard = ears.hear(state, List.of(segment), transcribe.test(i));
                state = heard.state();
                words.addAll(heard.words());
                kinds.add(heard.kind());
                heardUntil.add(heard.heardUntilUs());
                recognised += heard.recognisedUs();
            }
            words.addAll(ears.finish(state));
        }
        return new Run(words, kinds, recognised, heardUntil);
    }

    /**
     * Three sentences with a pause and a stretch of music between them. Word error rates of the
     * small English model on espeak vary by a word or two from run to run (Kaldi dithers), so the
     * comparison is over some 26 words, with a margin of about three.
     */
    @Test
    void speechIsHeardAsWellAsWithoutVoiceActivity() throws Exception {
        short[] audio = VoiceClips.concat(VoiceClips.silence(1.3), sentence, VoiceClips.silence(0.8),
                VoiceClips.speech(WEATHER, dir), VoiceClips.music(3, 4), VoiceClips.speech(UMBRELLA, dir), VoiceClips.silence(1.5));
        String truth = SENTENCE + " " + WEATHER + " " + UMBRELLA;
        List<Word> unvoiced;
        try (StreamTranscriber plain = new StreamTranscriber(speech)) {
            unvoiced = new ArrayList<>();
            for (PcmChunk segment : VoiceClips.chunks(audio, 0, SEGMENT)) {
                unvoiced.addAll(plain.accept(segment.startUs(), segment.samples()));
            }
            unvoiced.addAll(plain.flush());
        }

        Run run = hear(audio);

        double plainError = SpeechClips.wordErrorRate(truth, SpeechClips.texts(unvoiced));
        assertThat(SpeechClips.wordErrorRate(truth, SpeechClips.texts(run.words())))
                .as("voiced %s, plain %s", SpeechClips.texts(run.words()), SpeechClips.texts(unvoiced))
                .isLessThanOrEqualTo(Math.max(0.3, plainError + 0.12));
        assertThat(run.kinds()).contains(AudioKind.SPEECH);
        assertThat(run.recognisedUs()).as("the recogniser hears the sentences and their padding, not the 3 s of music")
                .isLessThan(PcmChunk.samplesToMicros(audio.length) - 2_500_000);
    }

    @Test
    void musicAndSilenceCostTheRecogniserNothingAndSaySo() {
        Run music = hear(VoiceClips.music(8, 3));
        Run silence = hear(VoiceClips.silence(6));

        assertThat(music.words()).isEmpty();
        assertThat(music.recognisedUs()).as("music reaches the recogniser at most for a stray span")
                .isLessThan(8_000_000 / 10);
        assertThat(music.kinds()).containsOnly(AudioKind.MUSIC_OR_NOISE);
        assertThat(silence.words()).isEmpty();
        assertThat(silence.recognisedUs()).isZero();
        assertThat(silence.kinds()).containsOnly(AudioKind.SILENCE);
        assertThat(silence.heardUntilUs()).as("silence holds no caption window back")
                .allSatisfy(until -> assertThat(until).isGreaterThan(0));
    }

    @Test
    void aWordNeverArrivesAfterItsTimeWasPromisedComplete() {
        short[] audio = VoiceClips.concat(VoiceClips.silence(0.7), sentence, VoiceClips.music(3, 5), sentence, VoiceClips.silence(1));
        List<Word> words = new ArrayList<>();
        List<Long> promised = new ArrayList<>();
        try (StreamTranscriber transcriber = new StreamTranscriber(speech)) {
            VoicedTranscriber ears = new VoicedTranscriber(new VoiceActivity(vad, VadSettings.RECOGNITION), transcriber);
            VadState state = VadState.initial();
            for (PcmChunk segment : VoiceClips.chunks(audio, 0, PcmChunk.SAMPLE_RATE / 2)) { // half-second segments cut words
                VoicedTranscriber.Heard heard = ears.hear(state, List.of(segment));
                state = heard.state();
                for (Word w : heard.words()) {
                    assertThat(promised).as("%s came after its time was promised complete", w)
                            .allSatisfy(until -> assertThat(w.startUs()).isGreaterThanOrEqualTo(until - 150_000));
                }
                words.addAll(heard.words());
                promised.add(heard.heardUntilUs());
            }
            words.addAll(ears.finish(state));
        }
        assertThat(SpeechClips.wordErrorRate(SENTENCE + " " + SENTENCE, SpeechClips.texts(words))).isLessThanOrEqualTo(0.35);
    }

    @Test
    void aJobBehindItsStreamsHearsThatSomeoneSpeaksWithoutRecognisingOrHoldingWindowsBack() {
        Run shed = hear(sentence, segment -> false);
        assertThat(shed.recognisedUs()).isZero();
        assertThat(shed.words()).isEmpty();
        assertThat(shed.kinds()).contains(AudioKind.SPEECH);
        List<PcmChunk> segments = VoiceClips.chunks(sentence, 0, SEGMENT);
        for (int i = 0; i < segments.size(); i++) {
            assertThat(shed.heardUntilUs().get(i)).as("segment %d waits for no words", i)
                    .isGreaterThanOrEqualTo(segments.get(i).endUs());
        }

        Run caughtUp = hear(sentence, segment -> segment > 0);
        assertThat(caughtUp.recognisedUs()).as("transcription resumes once the job has caught up").isPositive();
    }
}
