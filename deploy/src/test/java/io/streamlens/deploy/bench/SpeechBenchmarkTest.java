package io.streamlens.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamlens.inference.speech.SpeechModel;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeechBenchmarkTest {

    @Test
    void reportsTheRealTimeFactorOfSpokenAudio() throws Exception {
        Optional<short[]> pcm = SpokenSample.speak("four people walked past the red door");
        assumeTrue(pcm.isPresent(), "espeak-ng reads the test sentence");

        SpeechBenchmark.Result result;
        try (SpeechModel model = SpeechModel.acquire(Path.of("target", "speech-cache"))) {
            result = SpeechBenchmark.run(model, pcm.get(), 3);
        }

        assertThat(result.realTimeFactor()).isPositive();
        assertThat(result.words()).isPositive();
        assertThat(result.rounds()).isEqualTo(3);
    }
}
