package io.streamlens.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorBenchmarkTest {

    @Test
    void printsOneJsonLinePerCaseWithAPositiveTime() throws Exception {
        List<String> lines = DetectorBenchmark.run(Duration.ZERO);

        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.get("model").asText()).startsWith("detect/");
            assertThat(node.get("input").asText()).isEqualTo("frame 640x360, text and noise");
            assertThat(node.get("msPerFrame").asDouble()).isPositive();
            assertThat(node.get("threads").asInt()).isEqualTo(1);
        }
    }
}
