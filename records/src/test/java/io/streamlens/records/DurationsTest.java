package io.streamlens.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsTheUnitsPeopleType() {
        assertThat(Durations.parse("4s")).isEqualTo(Duration.ofSeconds(4));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesWhatIsNoDuration() {
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("negative");
    }

    @Test
    void formatsDurationsAsTheyAreWrittenSoThatTheyParseBack() {
        for (String text : java.util.List.of("4s", "1s", "0s", "500ms", "10m", "2h", "1500ms")) {
            assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
        }
    }
}
