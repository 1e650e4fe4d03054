package io.streamlens.inference.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hysteresis alone, on probabilities written by hand: one value per 32 ms chunk. */
class SpeechSpansTest {
    static final long CHUNK_US = 32_000;

    static List<VoicedSpan> spans(double... probabilities) {
        SpeechSpans spans = new SpeechSpans(VadSettings.DEFAULTS, VadState.initial());
        List<VoicedSpan> out = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            spans.judge((float) probabilities[i], i * CHUNK_US, (i + 1) * CHUNK_US).ifPresent(out::add);
        }
        spans.close(probabilities.length * CHUNK_US).ifPresent(out::add);
        return out;
    }

    static double[] run(double p, int chunks) {
        double[] out = new double[chunks];
        java.util.Arrays.fill(out, p);
        return out;
    }

    static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void shouldOpenAtTheStartThresholdAndCloseAfterEnoughSilence() {
        // 10 quiet, 20 voiced (640 ms), 20 quiet
        assertThat(spans(concat(run(0.1, 10), run(0.9, 20), run(0.1, 20))))
                .containsExactly(new VoicedSpan(10 * CHUNK_US, 30 * CHUNK_US));
    }

    @Test
    void shouldKeepDipsBetweenTheThresholdsAndShortPausesInsideOneSpan() {
        double[] probabilities = concat(run(0.9, 10), run(0.4, 30), run(0.9, 5), run(0.1, 9), run(0.9, 10), run(0.1, 20));
        // 0.4 is between the thresholds: neither opens nor closes; 9 quiet chunks (288 ms) are a pause, not an end.
        assertThat(spans(probabilities)).containsExactly(new VoicedSpan(0, 64 * CHUNK_US));
    }

    @Test
    void shouldDropBlipsShorterThanTheMinimumSpeech() {
        assertThat(spans(concat(run(0.1, 10), run(0.95, 7), run(0.1, 20)))).isEmpty(); // 224 ms
        assertThat(spans(concat(run(0.1, 10), run(0.95, 8), run(0.1, 20)))).hasSize(1); // 256 ms
    }

    @Test
    void shouldEndASpanStillOpenWhereItsSilenceBeganWhenTheAudioStops() {
        assertThat(spans(concat(run(0.9, 20), run(0.2, 3)))).containsExactly(new VoicedSpan(0, 20 * CHUNK_US));
        assertThat(spans(run(0.9, 20))).containsExactly(new VoicedSpan(0, 20 * CHUNK_US));
    }
}
