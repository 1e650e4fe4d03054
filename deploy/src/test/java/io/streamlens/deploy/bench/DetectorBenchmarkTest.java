package io.streamlens.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamlens.records.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorBenchmarkTest {

    @Test
    void printsOneJsonLinePerCaseWithAPositiveTime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        DetectorBenchmark.run(Duration.ZERO, new JsonLines(new PrintStream(bytes, true, StandardCharsets.UTF_8)));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode node = Json.tree(line);
            assertThat(node.get("model").asText()).startsWith("detect/");
            assertThat(node.get("input").asText()).isEqualTo("frame 640x360, text and noise");
            assertThat(node.get("msPerFrame").asDouble()).isPositive();
            assertThat(node.get("threads").asInt()).isEqualTo(1);
        }
    }
}
