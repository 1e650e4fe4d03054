package io.streamlens.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.compression.SyntheticGrids;
import io.streamlens.compression.TokenGrid;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CompressBenchmarkTest {

    private static final List<String> REQUIRED_FIELDS = List.of("input", "chain", "tokensIn", "tokensOut", "reduction",
            "meanCosine", "p5Cosine", "tokensPerSecond", "copyTokensPerSecond", "msPerFrame");

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[-0-9.]+)").matcher(json);
        assertThat(m.find()).as("%s has %s", json, name).isTrue();
        return m.group(1).replace("\"", "");
    }

    @Test
    void printsOneJsonLinePerChainWithTheFieldsTheCliPromises() {
        List<TokenGrid> frames = SyntheticGrids.staticCamera(6, 6, 8, 5, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new CompressBenchmark(1, 1).runInput("tiny", CompressBenchmark.windows(frames, 4),
                List.of("pool:2", "pool:2,temporal:0.9,budget:10"), new JsonLines(out));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertThat(line).startsWith("{").endsWith("}");
            REQUIRED_FIELDS.forEach(name -> field(line, name));
            assertThat(field(line, "input")).isEqualTo("tiny");
            assertThat(field(line, "tokensIn")).isEqualTo("180");
            double reduction = Double.parseDouble(field(line, "reduction"));
            assertThat(reduction).isCloseTo(1 - Double.parseDouble(field(line, "tokensOut")) / 180, within(1e-4));
            assertThat(Double.parseDouble(field(line, "tokensPerSecond"))).isPositive();
        }
        assertThat(field(lines.get(0), "chain")).isEqualTo("pool:2");
        assertThat(field(lines.get(0), "tokensOut")).isEqualTo("45");
        assertThat(Integer.parseInt(field(lines.get(1), "tokensOut"))).isLessThanOrEqualTo(20);
    }

    @Test
    void windowsSplitFramesIntoConsecutiveRuns() {
        List<TokenGrid> frames = SyntheticGrids.staticCamera(2, 2, 3, 5, 2);

        assertThat(CompressBenchmark.windows(frames, 2)).extracting(List::size).containsExactly(2, 2, 1);
    }
}
