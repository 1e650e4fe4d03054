package io.streamlens.inference.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.RuntimeOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VadBenchmarkTest {

    @Test
    void shouldReportOneLinePerChunkSize(@TempDir Path dir) throws Exception {
        short[] speech = VoiceClips.speech("The weather today is sunny with a light breeze from the west", dir);
        short[] audio = VoiceClips.mix(VoiceClips.music(20, 5), speech, 4);
        try (SileroVad model = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1))) {
            List<String> lines = VadBenchmark.run(model, audio, 3);
            lines.forEach(System.out::println); // the measurement; wall time is never asserted
            assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"msPerAudioSecond\"", "\"spans\":"));
            assertThat(lines.get(0)).as("at 512 samples").contains("\"spans\":1");
        }
    }
}
