package io.streamlens.events.rules;

import static io.streamlens.events.Windows.box;
import static io.streamlens.events.Windows.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.Windows;
import io.streamlens.records.Caption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionTest {

    static Optional<String> test(String when, Caption.Evidence evidence) {
        return test(when, window("cam", 1, evidence), -1);
    }

    static Optional<String> test(String when, Caption caption, long previousEndMs) {
        Rule rule = RuleParserTest.define("{\"ruleId\": \"r\", \"when\": " + when + "}");
        return rule.when().test(new WindowView(caption, previousEndMs));
    }

    @Test
    void shouldCountDistinctObjectsOrTheBoxesInsideARegion() {
        Caption.Evidence twoCats = Windows.objects("cat", 2, box("cat", 0.1f, 0.1f, 0.2f, 0.2f), box("cat", 0.7f, 0.7f, 0.9f, 0.9f));
        assertThat(test("{\"object\": \"cat\"}", twoCats)).contains("2 cat");
        assertThat(test("{\"object\": \"cat\", \"atLeast\": 3}", twoCats)).isEmpty();
        assertThat(test("{\"object\": \"cat\", \"atMost\": 1}", twoCats)).isEmpty();
        assertThat(test("{\"object\": \"cat\", \"region\": [0.5, 0.5, 1, 1]}", twoCats)).contains("1 cat in the region");
        assertThat(test("{\"object\": \"cat\", \"atLeast\": 2, \"region\": [0.5, 0.5, 1, 1]}", twoCats)).isEmpty();
        assertThat(test("{\"object\": \"dog\"}", twoCats)).isEmpty();
    }

    @Test
    void shouldNeverTakeADetectorThatDidNotRunToHaveSeenNothing() {
        assertThat(test("{\"not\": {\"object\": \"cat\"}}", Windows.nothing())).isPresent();
        assertThat(test("{\"not\": {\"object\": \"cat\"}}", Windows.notLooked())).isEmpty();
        assertThat(test("{\"object\": \"cat\", \"atMost\": 0}", Windows.notLooked())).isEmpty();
        assertThat(test("{\"object\": \"cat\", \"atMost\": 0}", Windows.nothing())).contains("0 cat");
        assertThat(test("{\"not\": {\"posture\": \"lying\"}}", Windows.notLooked())).isEmpty();
    }

    @Test
    void shouldReadTextSpeechPostureAndMotion() {
        assertThat(test("{\"text\": \"platform\"}", Windows.text("GATE 7", "PLATFORM 12"))).contains("text \"PLATFORM 12\"");
        assertThat(test("{\"said\": \"help me\"}", Windows.said("please", "Help", "me!"))).contains("said \"help me\" at 500 ms");
        assertThat(test("{\"said\": \"help me\"}", Windows.said("help", "us", "me"))).isEmpty();
        assertThat(test("{\"posture\": \"lying\"}", Windows.posture("lying"))).contains("a person lying at 1500 ms");
        assertThat(test("{\"posture\": \"sitting\"}", Windows.posture("lying"))).isEmpty();
        assertThat(test("{\"cut\": true}", Windows.motion("cut", 0.3, List.of(2500L), 4))).contains("a cut at 2500 ms");
        assertThat(test("{\"motion\": \"moving\", \"atLeast\": 0.05}", Windows.motion("moving", 0.08, List.of(), 4))).isPresent();
        assertThat(test("{\"motion\": \"moving\", \"atLeast\": 0.1}", Windows.motion("moving", 0.08, List.of(), 4))).isEmpty();
        assertThat(test("{\"motion\": \"any\", \"atLeast\": 0.05}", Windows.motion("cut", 0.2, List.of(1000L), 4))).isPresent();
    }

    @Test
    void shouldSeeAPictureGoneBlackFrozenOrMissing() {
        assertThat(test("{\"noSignal\": \"frozen\"}", Windows.motion("static", 0.0005, List.of(), 4))).contains("picture frozen");
        assertThat(test("{\"noSignal\": \"frozen\"}", Windows.motion("static", 0.01, List.of(), 4))).isEmpty();
        assertThat(test("{\"noSignal\": \"missing\"}", Windows.motion("static", 0.01, List.of(), 0))).contains("picture missing");
        assertThat(test("{\"noSignal\": \"missing\"}", window("cam", 3, Windows.nothing()), 4000)).contains("no video for 5000 ms");
        assertThat(test("{\"noSignal\": \"missing\"}", window("cam", 3, Windows.nothing()), 10_000)).isEmpty();
        assertThat(test("{\"noSignal\": \"black\"}", window("cam", 1, Windows.nothing(), "Still picture. Mostly black, dark."), 0)).isPresent();
        assertThat(test("{\"noSignal\": \"black\"}", window("cam", 1, Windows.nothing(), "Mostly green."), 0)).isEmpty();
    }

    @Test
    void shouldCombineWithAllAnyAndNot() {
        Caption.Evidence cat = Windows.objects("cat", 1);
        assertThat(test("{\"all\": [{\"object\": \"cat\"}, {\"not\": {\"object\": \"dog\"}}]}", cat)).contains("1 cat, not " +
                new Condition.ObjectCount("dog", 1, Integer.MAX_VALUE, Area.WHOLE_FRAME));
        assertThat(test("{\"all\": [{\"object\": \"cat\"}, {\"object\": \"dog\"}]}", cat)).isEmpty();
        assertThat(test("{\"any\": [{\"object\": \"dog\"}, {\"object\": \"cat\"}]}", cat)).contains("1 cat");
    }
}
