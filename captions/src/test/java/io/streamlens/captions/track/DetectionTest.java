package io.streamlens.captions.track;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.records.Detection;
import io.streamlens.records.FrameDetections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionTest {

    @Test
    void aBoxOutsideTheFrameIsRejected() {
        assertThatThrownBy(() -> new Detection("car", 0.9f, 0.5f, 0.5f, 1.2f, 0.7f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative coordinates");
    }

    @Test
    void anEmptyOrInvertedBoxIsRejected() {
        assertThatThrownBy(() -> new Detection("car", 0.9f, 0.5f, 0.5f, 0.5f, 0.7f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Detection("car", 0.9f, 0.5f, 0.7f, 0.6f, 0.5f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScoreOutsideZeroToOneOrNotANumberIsRejected() {
        assertThatThrownBy(() -> new Detection("car", 1.5f, 0.1f, 0.1f, 0.2f, 0.2f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Detection("car", Float.NaN, 0.1f, 0.1f, 0.2f, 0.2f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDetectionNeedsALabel() {
        assertThatThrownBy(() -> new Detection(" ", 0.9f, 0.1f, 0.1f, 0.2f, 0.2f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFrameTheDetectorDidNotLookAtCannotHoldDetections() {
        assertThatThrownBy(() -> new FrameDetections(0, false, List.of(new Detection("car", 0.9f, 0.1f, 0.1f, 0.2f, 0.2f))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did not look");
    }

    @Test
    void optionsRejectScoresOutOfOrder() {
        assertThatThrownBy(() -> new TrackerOptions(0.3f, 0.5f, 0.8f, 0.2, 1.0, 4.0, 3_000_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowScore <= highScore");
        assertThatThrownBy(() -> TrackerOptions.DEFAULTS.withConfirmScore(0.35f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackerOptions.DEFAULTS.withLostTimeoutUs(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
