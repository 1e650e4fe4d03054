package io.streamlens.captions.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void onePersonIsCountedAndOneThingTakesAnArticle() {
        assertThat(Counts.of(1, "person")).isEqualTo("one person");
        assertThat(Counts.of(1, "car")).isEqualTo("a car");
        assertThat(Counts.of(1, "umbrella")).isEqualTo("an umbrella");
    }

    @Test
    void severalThingsAreCountedInWordsUpToTwelve() {
        assertThat(Counts.of(3, "person")).isEqualTo("three people");
        assertThat(Counts.of(2, "dog")).isEqualTo("two dogs");
        assertThat(Counts.of(2, "bus")).isEqualTo("two buses");
        assertThat(Counts.of(4, "wine glass")).isEqualTo("four wine glasses");
        assertThat(Counts.of(2, "skis")).isEqualTo("two pairs of skis");
        assertThat(Counts.of(12, "sheep")).isEqualTo("twelve sheep");
        assertThat(Counts.of(13, "car")).isEqualTo("13 cars");
    }

    @Test
    void aListReadsWithCommasAndAFinalAnd() {
        assertThat(Counts.list(List.of(Counts.of(1, "car"), Counts.of(2, "bicycle")))).isEqualTo("a car and two bicycles");
        assertThat(Counts.list(List.of("one person", "a car", "two dogs"))).isEqualTo("one person, a car and two dogs");
        assertThat(Counts.list(List.of("a cat"))).isEqualTo("a cat");
        assertThat(Counts.list(List.of())).isEmpty();
    }

    @Test
    void nothingIsNeverCountedAsZeroThings() {
        assertThatThrownBy(() -> Counts.of(0, "car")).isInstanceOf(IllegalArgumentException.class);
    }
}
