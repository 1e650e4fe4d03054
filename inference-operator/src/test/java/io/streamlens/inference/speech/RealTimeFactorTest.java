package io.streamlens.inference.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RealTimeFactorTest {
    private static final long SECOND_US = 1_000_000L;
    private static final long SECOND_NS = 1_000_000_000L;

    @Test
    void isZeroBeforeAnyAudioWasHeard() {
        assertThat(new RealTimeFactor(4).value()).isZero();
    }

    @Test
    void isTheTimeSpentListeningPerSecondOfAudio() {
        RealTimeFactor factor = new RealTimeFactor(4);

        factor.heard(2 * SECOND_US, SECOND_NS / 2);
        factor.heard(2 * SECOND_US, SECOND_NS / 2);

        assertThat(factor.value()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void followsTheLatestSegmentsOnly() {
        RealTimeFactor factor = new RealTimeFactor(2);
        factor.heard(SECOND_US, 10 * SECOND_NS); // a slow start, long forgotten

        factor.heard(SECOND_US, SECOND_NS / 10);
        factor.heard(SECOND_US, SECOND_NS / 10);

        assertThat(factor.value()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void segmentsWithoutAudioAreLeftOut() {
        RealTimeFactor factor = new RealTimeFactor(2);
        factor.heard(SECOND_US, SECOND_NS / 2);

        factor.heard(0, 5 * SECOND_NS);
        factor.heard(-SECOND_US, 5 * SECOND_NS);

        assertThat(factor.value()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void needsAtLeastOneSegment() {
        assertThatThrownBy(() -> new RealTimeFactor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
