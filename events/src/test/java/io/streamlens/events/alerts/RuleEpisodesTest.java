package io.streamlens.events.alerts;

import static io.streamlens.events.Windows.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.Windows;
import io.streamlens.events.rules.Rule;
import io.streamlens.events.rules.RuleParser;
import io.streamlens.events.rules.WindowView;
import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleEpisodesTest {
    static final long NOON = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();
    static final long MIDNIGHT = Instant.parse("2026-12-01T23:30:00Z").toEpochMilli();

    static Rule rule(String json) {
        return ((RuleParser.Define) RuleParser.parse(json)).rule();
    }

    /** Runs windows 0, 1, 2 … through the rule; true means the window shows a cat. */
    static List<Alert> run(Rule rule, long wallClockMs, boolean... cat) {
        List<Alert> alerts = new ArrayList<>();
        Optional<Episode> episode = Optional.empty();
        for (int n = 0; n < cat.length; n++) {
            Caption c = window("cam", n, cat[n] ? Windows.objects("cat", 1) : Windows.nothing());
            RuleEpisodes.Step step = RuleEpisodes.next(rule, "cam", episode, new WindowView(c, -1), wallClockMs);
            step.alert().ifPresent(alerts::add);
            episode = step.episode();
        }
        return alerts;
    }

    @Test
    void shouldOpenOnceWhenTheConditionStartsHoldingAndCloseWithItsEnd() {
        Rule cat = rule("{\"ruleId\": \"cat-seen\", \"when\": {\"object\": \"cat\"}}");
        List<Alert> alerts = run(cat, NOON, false, true, true, true, false, false);
        assertThat(alerts).extracting(Alert::state, Alert::startMs, Alert::endMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple("open", 3000L, -1L),
                org.assertj.core.groups.Tuple.tuple("closed", 3000L, 13_000L));
        assertThat(alerts).extracting(Alert::alertId).containsOnly("cat-seen/cam/3000");
        assertThat(alerts.get(0).text()).isEqualTo("cat-seen on cam: 1 cat");
        assertThat(alerts.get(0).evidence()).extracting(Alert.Window::captionId).containsExactly("cam/3000");
    }

    @Test
    void shouldWaitForTheConditionToHoldForItsDurationAndForgetShorterEpisodes() {
        Rule cat = rule("{\"ruleId\": \"cat-stays\", \"for\": \"8s\", \"when\": {\"object\": \"cat\"}}");
        assertThat(run(cat, NOON, true, true, false)).as("held 0–7 s: too short").isEmpty();
        List<Alert> alerts = run(cat, NOON, false, true, true, true, false);
        assertThat(alerts).extracting(Alert::state).containsExactly("open", "closed");
        assertThat(alerts.get(0).startMs()).isEqualTo(3000);
        assertThat(alerts.get(0).evidence()).extracting(Alert.Window::startMs).containsExactly(3000L, 6000L, 9000L);
    }

    @Test
    void shouldOnlyFireInsideItsHoursOfTheDay() {
        Rule night = rule("{\"ruleId\": \"night-cat\", \"between\": [\"22:00\", \"06:00\"], \"when\": {\"object\": \"cat\"}}");
        assertThat(run(night, NOON, true, true, false)).isEmpty();
        assertThat(run(night, MIDNIGHT, true, true, false)).extracting(Alert::state).containsExactly("open", "closed");
    }

    @Test
    void shouldCloseAnOpenEpisodeOnlyWhenItHadOpened() {
        Rule cat = rule("{\"ruleId\": \"cat-stays\", \"for\": \"1m\", \"when\": {\"object\": \"cat\"}}");
        Episode waiting = new Episode(cat.source(), 0, 4000, false, "", List.of());
        assertThat(RuleEpisodes.closing("cat-stays", "cam", waiting)).isEmpty();
        Episode open = new Episode(cat.source(), 0, 4000, true, "cat", List.of());
        assertThat(RuleEpisodes.closing("cat-stays", "cam", open)).get().extracting(Alert::endMs).isEqualTo(4000L);
    }
}
