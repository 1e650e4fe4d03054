package io.streamlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files handed to {@code publish} are untrusted: damaged copies must segment or fail with a reason. */
class SegmenterFuzzTest {
    private static final int CASES = 80;
    @TempDir
    Path dir;

    @Test
    void damagedFilesSegmentOrFailWithAReason() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        SampleClip.write(clip, List.of(new SampleClip.Shot(Color.ORANGE, "FUZZ", 3)), 160, 90, 25, 25);
        byte[] original = Files.readAllBytes(clip);
        Random random = new Random(42);
        int refused = 0;
        int segmented = 0;
        for (int i = 0; i < CASES; i++) {
            Path file = Files.write(dir.resolve("case" + i + ".mp4"), mutate(original, random));
            try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
                long[] last = {-1};
                segmenter.forEach(s -> {
                    assertThat(s.seq()).isEqualTo(last[0] + 1);
                    last[0] = s.seq();
                });
                segmented++;
            } catch (IngestException e) {
                refused++;
                assertThat(e.reason()).isNotNull();
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(refused).isPositive();
        assertThat(segmented).isPositive();
    }

    static byte[] mutate(byte[] bytes, Random random) {
        byte[] out = Arrays.copyOf(bytes, bytes.length);
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = random.nextInt(out.length);
                byte[] noise = new byte[Math.min(out.length - at, 1 + random.nextInt(2048))];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, out, at, noise.length);
            }
            default -> out = Arrays.copyOf(out, 1 + random.nextInt(out.length - 1));
        }
        return out;
    }
}
