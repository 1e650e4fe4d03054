package io.streamlens.events.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.alerts.AlertAnswers;
import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Query;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class AnswerFromAlertsTest {
    static final Alert.Window CAT_WINDOW = new Alert.Window("cam/3000", 3000, 7000, "1 cat", "A cat.");

    static Alert cat(String state, long endMs) {
        return new Alert(null, "cat-seen", "cam", 3000, endMs, state, "cat-seen on cam: 1 cat", List.of(CAT_WINDOW));
    }

    @Test
    void shouldKnowWhichQuestionsAreAboutAlerts() {
        assertThat(AlertAnswers.asksAboutAlerts("Any alerts today?")).isTrue();
        assertThat(AlertAnswers.asksAboutAlerts("did an alarm go off")).isTrue();
        assertThat(AlertAnswers.asksAboutAlerts("When did the van leave?")).isFalse();
        assertThat(AlertAnswers.asksAboutAlerts("Was anyone alerted?")).isFalse();
    }

    @Test
    void shouldAnswerFromEachEpisodeAsItStandsLastAndWithinTheAskedSpan() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new AnswerFromAlerts(Duration.ofDays(7), false),
                Alert::streamId, Query::streamId, Types.STRING)) {
            h.processElement2(Query.of("q0", "cam", "Any alerts?"), 0);
            h.processElement1(cat(Alert.OPEN, -1), 0);
            h.processElement2(Query.of("q1", "cam", "Any alerts?"), 0);
            h.processElement1(cat(Alert.CLOSED, 10_000), 0);
            h.processElement2(Query.of("q2", "cam", "Any alerts?"), 0);
            h.processElement2(new Query("q3", "cam", "Any alerts after 0:20?", 20_000L, null, null), 0);

            assertThat(h.extractOutputValues()).extracting(Answer::answer).containsExactly(
                    "No alerts.",
                    "1 alert: cat-seen on cam: 1 cat (0:03–still holding).",
                    "1 alert: cat-seen on cam: 1 cat (0:03–0:10).",
                    "No alerts in that span.");
            assertThat(h.extractOutputValues().get(2).evidence()).containsExactly(new Answer.Span(3000, 10_000, "cat-seen on cam: 1 cat"));
        }
    }

    @Test
    void shouldLetQuestionsOfABoundedRunWaitForItsEnd() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new AnswerFromAlerts(Duration.ofDays(7), true),
                Alert::streamId, Query::streamId, Types.STRING)) {
            h.processElement2(Query.of("q", "cam", "Any alerts?"), 0);
            h.processElement1(cat(Alert.CLOSED, 10_000), 0);
            assertThat(h.extractOutputValues()).isEmpty();
            h.processWatermark1(new Watermark(Long.MAX_VALUE));
            h.processWatermark2(new Watermark(Long.MAX_VALUE));
            assertThat(h.extractOutputValues()).extracting(Answer::answer).containsExactly("1 alert: cat-seen on cam: 1 cat (0:03–0:10).");
        }
    }
}
