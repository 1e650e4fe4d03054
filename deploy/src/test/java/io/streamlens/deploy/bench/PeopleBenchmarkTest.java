package io.streamlens.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeopleBenchmarkTest {
    @Test
    void printsOneLinePerPeopleModel() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PeopleBenchmark.run(Duration.ZERO, new JsonLines(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(4);
        assertThat(out).contains("\"model\":\"faces/blazeface-back\"").contains("\"model\":\"expressions/emotion\"")
                .contains("\"model\":\"posture/movenet-lightning\"").contains("\"msPerFrame\":");
    }
}
