package io.streamlens.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a segment that is larger than a Kafka message may be into parts that fit. */
public final class PartSplitter {
    private PartSplitter() {
    }

    public static List<byte[]> split(byte[] bytes, int maxPartBytes) {
        if (maxPartBytes < 1) {
            throw new IllegalArgumentException("a part must hold at least one byte, got " + maxPartBytes);
        }
        int parts = Math.max(1, (bytes.length + maxPartBytes - 1) / maxPartBytes);
        List<byte[]> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            out.add(Arrays.copyOfRange(bytes, i * maxPartBytes, Math.min(bytes.length, (i + 1) * maxPartBytes)));
        }
        return out;
    }
}
