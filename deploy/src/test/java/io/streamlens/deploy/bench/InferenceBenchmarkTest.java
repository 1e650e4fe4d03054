package io.streamlens.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.records.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceBenchmarkTest {

    @Test
    void printsOneJsonLinePerModelInputAndBatch() throws Exception {
        List<String> lines = new ArrayList<>();
        InferenceBenchmark.Options quick = new InferenceBenchmark.Options(
                RuntimeOptions.defaults().withIntraOpThreads(1), List.of(2), Duration.ZERO, 1);

        new InferenceBenchmark(quick, r -> lines.add(Json.write(r.toLine()))).run();

        ObjectMapper json = new ObjectMapper();
        List<String> models = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            for (String field : List.of("model", "batch", "msPerCall", "itemsPerSecond", "rawMsPerCall")) {
                assertThat(n.has(field)).as(field + " in " + line).isTrue();
            }
            assertThat(n.get("msPerCall").asDouble()).isPositive();
            models.add(n.get("model").asText() + " @" + n.get("batch").asInt());
        }
        assertThat(models).containsExactly(
                "tiny-color/vision_encoder @2", "tiny-color/vision_encoder @2",
                "perception/text_detector @2", "perception/text_recognizer @2", "perception/sentence_embedder @2",
                "objects/nanodet-g @2", "perception/ocr @1");
    }
}
