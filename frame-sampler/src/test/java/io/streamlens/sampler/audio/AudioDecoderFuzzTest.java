package io.streamlens.sampler.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.DecodeException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment bytes come from Kafka, so from anyone: mutated segments must give PCM, a missing-audio
 * reason or a {@link DecodeException} with a reason, never a crash or another exception.
 */
class AudioDecoderFuzzTest {
    private static final int CASES = 300;
    @TempDir
    Path dir;

    @Test
    void mutatedSegmentsDecodeOrFailWithAReason() throws Exception {
        SpokenClips.Audio hum = SpokenClips.Audio.tone(22_050, 4.0, 220);
        List<VideoSegment> segments = SpokenClips.segments(SpokenClips.write(dir.resolve("fuzz.mp4"), hum, 0, 1.0), "fuzz", 2.0);
        Random random = new Random(20261122);
        AudioDecoder decoder = new AudioDecoder();
        int failures = 0;
        for (int i = 0; i < CASES; i++) {
            VideoSegment original = segments.get(random.nextInt(segments.size()));
            VideoSegment mutated = new VideoSegment("fuzz", i, original.startUs(), "mpegts", false, "fuzz",
                    mutate(original.bytes(), random));
            try {
                SegmentAudio audio = decoder.decode(mutated);
                if (audio instanceof SegmentAudio.Pcm pcm) {
                    assertThat(pcm.chunks()).allSatisfy(c -> assertThat(c.samples()).isNotEmpty());
                } else {
                    assertThat(((SegmentAudio.Missing) audio).reason()).isNotBlank();
                }
            } catch (DecodeException e) {
                failures++;
                assertThat(e.reason()).isIn(DeadLetterReason.UNDECODABLE, DeadLetterReason.DAMAGED);
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(failures).as("some mutations must be fatal, or the fuzzer is too gentle").isPositive();
    }

    /** Bit flips, overwritten runs, truncation, or random bytes. */
    private static byte[] mutate(byte[] bytes, Random random) {
        byte[] out = Arrays.copyOf(bytes, bytes.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(50); i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = random.nextInt(out.length);
                byte[] noise = new byte[Math.min(out.length - at, 1 + random.nextInt(4096))];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, out, at, noise.length);
            }
            case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            default -> random.nextBytes(out);
        }
        return out;
    }
}
