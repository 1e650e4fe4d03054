package io.streamlens.captions;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Looks;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowFindingsTest {
    @Test
    void aWindowSaysWhatMostOfItsFramesShow() {
        Looks night = new Looks(List.of("black"), 0.1);
        Looks snow = new Looks(List.of("white"), 0.9);
        assertThat(WindowFindings.looksSentence(List.of(night, night))).isEqualTo("Mostly black, dark.");
        // White in one frame of three is not what the window shows; the mean light is neither dark nor bright.
        assertThat(WindowFindings.looksSentence(List.of(night, night, snow))).isEqualTo("Mostly black.");
        assertThat(WindowFindings.looksSentence(List.of(snow))).isEqualTo("Mostly white, bright.");
        assertThat(WindowFindings.looksSentence(List.of(new Looks(List.of(), 0.5)))).isEmpty();
        assertThat(WindowFindings.looksSentence(List.of(Looks.UNKNOWN))).isEmpty();
    }
}
