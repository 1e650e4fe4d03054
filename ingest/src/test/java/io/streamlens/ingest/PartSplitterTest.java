package io.streamlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartSplitterTest {
    @Test
    void partsFitTheLimitAndConcatenateToTheWhole() throws Exception {
        byte[] bytes = new byte[2500];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        List<byte[]> parts = PartSplitter.split(bytes, 1000);
        assertThat(parts).extracting(p -> p.length).containsExactly(1000, 1000, 500);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            whole.write(p);
        }
        assertThat(whole.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void aSegmentThatFitsIsOnePart() {
        assertThat(PartSplitter.split(new byte[1000], 1000)).hasSize(1);
    }
}
