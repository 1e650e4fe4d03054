package io.streamlens.inference.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.speech.SpeechClips;
import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.inference.speech.StreamTranscriber;
import io.streamlens.inference.speech.Word;
import io.streamlens.sampler.audio.PcmChunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voice activity in front of the unchanged {@link StreamTranscriber}, wired as TranscribeSpeech
 * would: the recogniser hears only the voiced pieces, with their stream times, and its words
 * land where they were spoken.
 */
class VoicedTranscriptionTest {
    /** The speech tests' Vosk model cache (unpacked once per worktree). */
    static final Path SPEECH_CACHE = Path.of("target", "speech-cache");

    @Test
    void shouldTranscribeOnlyVoicedAudioWithWordsOnTheStreamsClock(@TempDir Path dir) throws Exception {
        short[] first = VoiceClips.speech(VoiceActivityTest.FIRST, dir);
        short[] second = VoiceClips.speech(VoiceActivityTest.SECOND, dir);
        short[] audio = VoiceClips.concat(VoiceClips.silence(1), first, VoiceClips.music(6, 11), second, VoiceClips.silence(1));
        long startUs = 2_000_000;
        long secondAtUs = startUs + PcmChunk.samplesToMicros(16_000 + first.length + 6 * 16_000);

        List<Word> words = new ArrayList<>();
        long heardSamples = 0;
        try (SileroVad model = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1));
             SpeechModel speech = SpeechModel.acquire(SPEECH_CACHE);
             StreamTranscriber transcriber = new StreamTranscriber(speech)) {
            VoiceActivity vad = new VoiceActivity(model, VadSettings.DEFAULTS);
            VadState state = VadState.initial();
            List<PcmChunk> voiced = new ArrayList<>();
            for (PcmChunk chunk : VoiceClips.chunks(audio, startUs, 32_000)) { // 2 s segments
                VadStep step = vad.accept(state, chunk);
                state = step.state();
                voiced.addAll(step.voicedAudio());
            }
            voiced.addAll(vad.finish(state).voicedAudio());
            for (PcmChunk piece : voiced) {
                words.addAll(transcriber.accept(piece.startUs(), piece.samples()));
                heardSamples += piece.samples().length;
            }
            words.addAll(transcriber.flush());
        }

        assertThat(heardSamples).as("the recogniser hears the sentences, not the music").isLessThan(audio.length / 2);
        List<String> firstWords = words.stream().filter(w -> w.startUs() < secondAtUs).map(Word::text).toList();
        List<String> secondWords = words.stream().filter(w -> w.startUs() >= secondAtUs).map(Word::text).toList();
        assertThat(SpeechClips.wordErrorRate(VoiceActivityTest.FIRST, firstWords)).as("first: %s", firstWords).isLessThan(0.35);
        assertThat(SpeechClips.wordErrorRate(VoiceActivityTest.SECOND, secondWords)).as("second: %s", secondWords).isLessThan(0.35);
        long firstEndUs = startUs + PcmChunk.samplesToMicros(16_000 + first.length);
        assertThat(words).as("every word inside its sentence, on the stream's clock").allSatisfy(w -> assertThat(
                (w.startUs() >= startUs + 800_000 && w.endUs() <= firstEndUs + 200_000)
                        || (w.startUs() >= secondAtUs - 200_000 && w.endUs() <= secondAtUs + PcmChunk.samplesToMicros(second.length) + 200_000))
                .as("%s", w).isTrue());
    }
}
