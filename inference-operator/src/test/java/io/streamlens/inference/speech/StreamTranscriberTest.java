package io.streamlens.inference.speech;

import static io.streamlens.inference.speech.SpeechClips.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.audio.PcmChunk;
import io.streamlens.sampler.audio.SpokenClips;
import io.streamlens.sampler.audio.SpokenClips.Audio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthesised speech, muxed with video, cut into segments, decoded and transcribed: all real parts. */
class StreamTranscriberTest {
    private static final int RATE = 22_050;
    /** Vosk's word times come in 30 ms frames. */
    private static final long TIME_TOLERANCE_US = 60_000;
    private static final String TRUCK = "the truck arrived at gate seven";
    private static SpeechModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = SpeechModel.acquire(SpeechClips.CACHE);
    }

    @AfterAll
    static void releaseModel() {
        model.close();
    }

    // Measured with espeak-ng's voice and Vosk's small English model: "seven" is heard as "sam and"
    // (WER 0.33), "nine" as "i'm" (0.14), "four" as "for" (0.14). Robotic synthetic speech is the
    // small model's weak spot; 0.4 keeps a margin for dither noise without hiding a broken pipeline
    // (silence or garbled audio gives 1.0).
    @ParameterizedTest
    // Not TRUCK: espeak's reading of it is heard right only most of the time (seen: "that's right
    // you're right that gate sam and"), which would make this test flaky, not stricter.
    @ValueSource(strings = {"platform twelve is closed until nine thirty", "four people walked past the red door"})
    void transcriptHasTheSpokenWords(String sentence) throws Exception {
        Audio audio = Audio.silence(RATE, 0.5).then(SpokenClips.speak(sentence, dir)).then(Audio.silence(RATE, 1.0));
        List<VideoSegment> segments = SpokenClips.segments(SpokenClips.write(dir.resolve("s.mp4"), audio, 0, 99), "s", 2.0);

        List<Word> words = SpeechClips.transcribe(model, SpeechClips.decode(segments));

        double wer = SpeechClips.wordErrorRate(sentence, texts(words));
        System.out.printf("WER %.2f for '%s': heard %s%n", wer, sentence, texts(words));
        assertThat(wer).isLessThanOrEqualTo(0.4);
    }

    @Test
    void aWordCutBySegmentBoundaryIsHeardWholeAtItsStreamTime() throws Exception {
        // Speech from 1.0 s to about 3.4 s; the 2 s segment boundary falls inside the sentence.
        Audio audio = Audio.silence(RATE, 1.0).then(SpokenClips.speak(TRUCK, dir)).then(Audio.silence(RATE, 1.0));
        Path clip = SpokenClips.write(dir.resolve("cut.mp4"), audio, 0, 99);
        List<VideoSegment> whole = SpokenClips.segments(clip, "cut", 60.0);
        List<VideoSegment> cut = SpokenClips.segments(clip, "cut", 2.0);
        assertThat(whole).hasSize(1);
        assertThat(cut).hasSizeGreaterThan(1);

        List<Word> once = SpeechClips.transcribe(model, SpeechClips.decode(whole));
        List<Word> split = SpeechClips.transcribe(model, SpeechClips.decode(cut));

        long boundaryUs = cut.get(1).startUs();
        System.out.println("boundary " + boundaryUs + " whole " + once + " split " + split);
        assertThat(once).as("some word spans the boundary").anyMatch(w -> w.startUs() < boundaryUs && w.endUs() > boundaryUs);
        // Kaldi dithers features with random noise, so two runs over the same audio can differ in a
        // word or two (seen: "the truck arrived at" once heard as "that's right you're right that");
        // a word lost at the cut would show up as a gap in time instead, checked below.
        assertThat(SpeechClips.wordErrorRate(String.join(" ", texts(once)), texts(split))).isLessThanOrEqualTo(0.75);
        assertThat(split).anyMatch(w -> w.startUs() < boundaryUs && w.endUs() > boundaryUs);
        long previousEnd = 0;
        for (Word word : split) {
            assertThat(word.startUs()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(word.startUs()).isBetween(900_000L, (long) (audio.seconds() * 1e6));
            previousEnd = word.endUs();
        }
    }

    @Test
    void aTranscriberRestoredFromItsPendingAudioSaysTheSameWords() throws Exception {
        Audio audio = Audio.silence(RATE, 0.5).then(SpokenClips.speak(TRUCK, dir)).then(Audio.silence(RATE, 1.5))
                .then(SpokenClips.speak("platform twelve is closed", dir)).then(Audio.silence(RATE, 1.0));
        List<PcmChunk> chunks = SpeechClips.decode(
                SpokenClips.segments(SpokenClips.write(dir.resolve("r.mp4"), audio, 0, 99), "r", 2.0));
        List<Word> uninterrupted = SpeechClips.transcribe(model, chunks);

        for (int crashAfter = 1; crashAfter < chunks.size(); crashAfter++) {
            List<Word> words = new ArrayList<>();
            PendingAudio checkpoint;
            try (StreamTranscriber before = new StreamTranscriber(model)) {
                for (PcmChunk chunk : chunks.subList(0, crashAfter)) {
                    words.addAll(before.accept(chunk.startUs(), chunk.samples()));
                }
                checkpoint = before.pendingAudio();
            }
            try (StreamTranscriber after = new StreamTranscriber(model)) {
                words.addAll(after.restore(checkpoint));
                for (PcmChunk chunk : chunks.subList(crashAfter, chunks.size())) {
                    words.addAll(after.accept(chunk.startUs(), chunk.samples()));
                }
                words.addAll(after.flush());
            }
            // Kaldi dithers its features with random noise, so even the same audio twice gives slightly
            // different confidences and, rarely, a frame's shift in a boundary: words and times must match.
            // So replay matches the uninterrupted run up to that noise: the second sentence, heard
            // after every crash point, must come out whole and at the same time.
            assertThat(words).as("crash after chunk %d", crashAfter)
                    .anyMatch(w -> w.text().equals("platform") && Math.abs(w.startUs() - platformUs(uninterrupted)) < TIME_TOLERANCE_US);
            assertThat(SpeechClips.wordErrorRate(String.join(" ", texts(uninterrupted)), texts(words))).isLessThanOrEqualTo(0.5);
        }
        assertThat(texts(uninterrupted)).contains("gate"); // "the truck arrived at" is misheard now and then
    }

    @Test
    void benchmarkReportsTheRealTimeFactor() throws Exception {
        Audio audio = SpokenClips.speak(TRUCK + " and platform twelve is closed until nine thirty", dir);
        short[] pcm = SpeechClips.decode(SpokenClips.segments(SpokenClips.write(dir.resolve("b.mp4"), audio, 0, 99), "b", 2.0))
                .stream().map(PcmChunk::samples).reduce(new short[0], StreamTranscriberTest::concat);

        List<String> lines = SpeechBenchmark.run(model, pcm, 3);

        System.out.println(lines);
        assertThat(lines).singleElement().asString().contains("\"realTimeFactor\"").contains("\"words\"");
    }

    private static long platformUs(List<Word> words) {
        return words.stream().filter(w -> w.text().equals("platform")).findFirst().orElseThrow().startUs();
    }

    private static short[] concat(short[] a, short[] b) {
        short[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
