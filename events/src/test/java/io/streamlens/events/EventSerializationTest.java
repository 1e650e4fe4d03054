package io.streamlens.events;

import static io.streamlens.records.FlinkSerialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.alerts.Episode;
import io.streamlens.events.rules.RuleText;
import io.streamlens.events.rules.RuleUpdate;
import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Json;
import io.streamlens.records.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSerializationTest {
    static final Alert.Window FIRED = new Alert.Window("cam/3000", 3000, 7000, "1 cat", "A cat sitting still.");

    @Test
    void shouldMoveRulesAlertsEpisodesAndSummariesWithoutKryo() throws Exception {
        Alert alert = new Alert(null, "cat-seen", "cam", 3000, -1, Alert.OPEN, "cat-seen on cam: 1 cat", List.of(FIRED));
        assertThat(roundTrip(Alert.class, alert)).isEqualTo(alert);
        Episode episode = new Episode("{}", 3000, 7000, true, "cat", List.of(FIRED));
        assertThat(roundTrip(Episode.class, episode)).isEqualTo(episode);
        assertThat(roundTrip(RuleUpdate.class, new RuleUpdate("r", "{}"))).isEqualTo(new RuleUpdate("r", "{}"));
        assertThat(roundTrip(RuleText.class, new RuleText("o", "k", "{}", ""))).isEqualTo(new RuleText("o", "k", "{}", ""));
        Summary summary = new Summary("cam", Summary.ROLLING, 0, 300_000, "Cats", "A cat came.", List.of(new Answer.Span(0, 4000, "A cat.")));
        assertThat(roundTrip(Summary.class, summary)).isEqualTo(summary);
    }

    @Test
    void shouldWriteTheAlertContractFieldsWithAStableId() {
        Alert alert = new Alert(null, "cat-seen", "cam", 3000, 10_000, Alert.CLOSED, "cat-seen on cam: 1 cat", List.of(FIRED));
        assertThat(alert.alertId()).isEqualTo("cat-seen/cam/3000");
        assertThat(Json.write(alert)).startsWith("{\"alertId\":\"cat-seen/cam/3000\",\"ruleId\":\"cat-seen\",\"streamId\":\"cam\","
                + "\"startMs\":3000,\"endMs\":10000,\"state\":\"closed\",\"text\":");
        assertThat(Json.read(Json.write(alert), Alert.class)).isEqualTo(alert);
    }
}
