package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.VideoSegment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment bytes come from Kafka, so from anyone: mutated segments must end as frames or as a
 * {@link DecodeException} with a reason, never as a crash or another exception.
 */
class SegmentDecoderFuzzTest {
    private static final int CASES = 300;
    @TempDir
    Path dir;

    @Test
    void mutatedSegmentsDecodeOrFailWithAReason() throws Exception {
        List<VideoSegment> segments = ClipFixtures.segments(dir, "fuzz", ClipFixtures.THREE_SHOTS);
        Random random = new Random(20261122);
        int failures = 0;
        try (SegmentDecoder decoder = new SegmentDecoder(new FrameSize(64), 1)) {
            for (int i = 0; i < CASES; i++) {
                VideoSegment original = segments.get(random.nextInt(segments.size()));
                VideoSegment mutated = new VideoSegment("fuzz", i, 0, "mpegts", false, "fuzz", mutate(original.bytes(), random));
                try {
                    int frames = decoder.decode(mutated, random.nextBoolean(), frame -> {
                        frame.histogram();
                        assertThat(frame.pixels().rgb()).isNotEmpty();
                    }).frames();
                    assertThat(frames).isPositive();
                    // read from packets alone (for segments a live job skips): a time on the segment's timeline or none
                    long endUs = SegmentDecoder.endOf(mutated);
                    assertThat(endUs == Long.MIN_VALUE || (endUs > 0 && endUs <= SegmentDecoder.MAX_SPAN_US))
                            .as("end %d", endUs).isTrue();
                } catch (DecodeException e) {
                    failures++;
                    assertThat(e.reason()).isIn(DeadLetterReason.UNDECODABLE, DeadLetterReason.DAMAGED,
                            DeadLetterReason.TOO_SMALL, DeadLetterReason.TOO_LARGE);
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        }
        assertThat(failures).as("some mutations must be fatal, or the fuzzer is too gentle").isPositive();
    }

    /** Bit flips, overwritten runs, truncation, or random bytes. */
    static byte[] mutate(byte[] bytes, Random random) {
        byte[] out = Arrays.copyOf(bytes, bytes.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(50); i++) {
                    int at = random.nextInt(out.length);
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = random.nextInt(out.length);
                int length = Math.min(out.length - at, 1 + random.nextInt(4096));
                byte[] noise = new byte[length];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, out, at, length);
            }
            case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            default -> random.nextBytes(out);
        }
        return out;
    }
}
