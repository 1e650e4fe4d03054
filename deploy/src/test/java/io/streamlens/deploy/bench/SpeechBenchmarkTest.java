package io.streamlens.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.inference.voice.SyntheticMusic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeechBenchmarkTest {

    @Test
    void reportsBothWaysOfListeningAndTheRecogniserHearsNoMusicBehindVoiceActivity() throws Exception {
        Optional<short[]> pcm = SpokenSample.speak("four people walked past the red door");
        assumeTrue(pcm.isPresent(), "espeak-ng reads the test sentence");
        Map<String, short[]> inputs = new LinkedHashMap<>();
        inputs.put("speech", pcm.get());
        inputs.put("music", SyntheticMusic.of(10, 2));

        List<SpeechBenchmark.Result> results;
        try (SpeechModel model = SpeechModel.acquire(Path.of("target", "speech-cache"))) {
            results = SpeechBenchmark.run(model, inputs, 1);
        }

        assertThat(results).extracting(SpeechBenchmark.Result::model)
                .containsExactly("speech/vosk", "speech/vad+vosk", "speech/vosk", "speech/vad+vosk");
        assertThat(results.subList(0, 2)).allSatisfy(r -> {
            assertThat(r.words()).isPositive();
            assertThat(r.recogniserSecondsPerAudioSecond()).isPositive();
        });
        assertThat(results.get(2).recognisedSeconds()).isEqualTo(10.0);
        assertThat(results.get(3).recognisedSeconds()).isLessThan(1.0);
        assertThat(results.get(3).words()).isZero();
    }
}
