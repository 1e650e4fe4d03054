package io.streamlens.events.flink;

import static io.streamlens.events.Windows.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.Windows;
import io.streamlens.events.rules.RuleUpdate;
import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

class EvaluateRulesTest {
    static final Duration IDLE = Duration.ofMinutes(10);
    static final RuleUpdate CAT = new RuleUpdate("cat-seen", "{\"ruleId\":\"cat-seen\",\"when\":{\"object\":\"cat\"}}");
    static final RuleUpdate TWO_CATS = new RuleUpdate("cat-seen", "{\"ruleId\":\"cat-seen\",\"when\":{\"object\":\"cat\",\"atLeast\":2}}");
    static final RuleUpdate HELP = new RuleUpdate("help", "{\"ruleId\":\"help\",\"streams\":[\"lobby\"],\"when\":{\"said\":\"help\"}}");

    static KeyedBroadcastOperatorTestHarness<String, Caption, RuleUpdate, Alert> harness(OperatorSubtaskState restored) throws Exception {
        var h = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new EvaluateRules(IDLE), List.of(EvaluateRules.RULES)),
                Caption::streamId, Types.STRING, 1, 1, 0);
        h.setup();
        if (restored != null) {
            h.initializeState(restored);
        }
        h.open();
        return h;
    }

    static Caption cats(String stream, int n, int count) {
        return window(stream, n, count == 0 ? Windows.nothing() : Windows.objects("cat", count));
    }

    /** Keyed state entries of every stream (the broadcast rules are not keyed state). */
    static int keyedStateEntries(KeyedBroadcastOperatorTestHarness<String, Caption, RuleUpdate, Alert> h) {
        return ((org.apache.flink.runtime.state.heap.HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    static List<String> alerts(KeyedBroadcastOperatorTestHarness<String, Caption, RuleUpdate, Alert> h) {
        return h.extractOutputValues().stream().map(a -> a.state() + " " + a.alertId() + (a.open() ? "" : " until " + a.endMs())).toList();
    }

    @Test
    void shouldApplyARuleAddedMidStreamFromTheNextWindowOnAndAlertOncePerEpisode() throws Exception {
        try (var h = harness(null)) {
            h.processElement(cats("cam", 0, 1), 0);
            assertThat(h.extractOutputValues()).as("no rule yet").isEmpty();
            h.processBroadcastElement(CAT, 0);
            h.processElement(cats("cam", 1, 1), 0);
            h.processElement(cats("cam", 2, 1), 0);
            h.processElement(cats("cam", 3, 0), 0);
            h.processElement(cats("cam", 4, 1), 0);
            assertThat(alerts(h)).containsExactly("open cat-seen/cam/3000", "closed cat-seen/cam/3000 until 10000", "open cat-seen/cam/12000");
        }
    }

    @Test
    void shouldOnlyWatchTheStreamsARuleNames() throws Exception {
        try (var h = harness(null)) {
            h.processBroadcastElement(HELP, 0);
            h.processElement(window("hall", 0, Windows.said("help")), 0);
            h.processElement(window("lobby", 0, Windows.said("help")), 0);
            assertThat(alerts(h)).containsExactly("open help/lobby/0");
        }
    }

    @Test
    void shouldCloseOpenEpisodesWhenARuleIsReplacedOrRemovedAndIgnoreTheSameRuleRepublished() throws Exception {
        try (var h = harness(null)) {
            h.processBroadcastElement(CAT, 0);
            h.processElement(cats("cam", 0, 2), 0);
            h.processElement(cats("yard", 0, 1), 0);
            h.processBroadcastElement(CAT, 0);
            h.processElement(cats("cam", 1, 2), 0);
            assertThat(alerts(h)).containsExactly("open cat-seen/cam/0", "open cat-seen/yard/0");

            h.processBroadcastElement(TWO_CATS, 0);
            assertThat(alerts(h)).hasSize(4).contains("closed cat-seen/cam/0 until 7000", "closed cat-seen/yard/0 until 4000");
            h.processElement(cats("cam", 2, 2), 0);
            h.processElement(cats("yard", 1, 1), 0);
            assertThat(alerts(h)).endsWith("open cat-seen/cam/6000");

            h.processBroadcastElement(new RuleUpdate("cat-seen", ""), 0);
            assertThat(alerts(h)).endsWith("closed cat-seen/cam/6000 until 10000");
            h.processElement(cats("cam", 3, 2), 0);
            assertThat(alerts(h)).hasSize(6);
            assertThat(h.getBroadcastState(EvaluateRules.RULES).entries()).isEmpty();
        }
    }

    /** A checkpoint mid-episode: the restored job neither opens the episode again nor forgets to close it. */
    @Test
    void shouldNeitherRepeatNorLoseAnAlertAcrossARestoreMidEpisode() throws Exception {
        OperatorSubtaskState checkpoint;
        try (var h = harness(null)) {
            h.processBroadcastElement(CAT, 0);
            h.processElement(cats("cam", 0, 1), 0);
            h.processElement(cats("cam", 1, 1), 0);
            assertThat(alerts(h)).containsExactly("open cat-seen/cam/0");
            checkpoint = h.snapshot(1, 0);
            h.processElement(cats("cam", 2, 1), 0); // lost with the crash: replayed after the restore
        }
        try (var h = harness(checkpoint)) {
            h.processElement(cats("cam", 2, 1), 0);
            h.processElement(cats("cam", 3, 0), 0);
            assertThat(alerts(h)).containsExactly("closed cat-seen/cam/0 until 10000");
            assertThat(h.getBroadcastState(EvaluateRules.RULES).get("cat-seen")).isEqualTo(CAT.json());
        }
    }

    @Test
    void shouldCloseOpenEpisodesAtTheEndOfInputAndClearTheStreamsState() throws Exception {
        try (var h = harness(null)) {
            h.processBroadcastElement(CAT, 0);
            h.processElement(cats("cam", 0, 1), 0);
            h.processElement(cats("cam", 1, 1), 0);
            h.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(alerts(h)).as("the rules input has not ended yet").containsExactly("open cat-seen/cam/0");
            h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(alerts(h)).containsExactly("open cat-seen/cam/0", "closed cat-seen/cam/0 until 7000");
            h.setProcessingTime(IDLE.toMillis() * 2);
            assertThat(keyedStateEntries(h)).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
            assertThat(h.numProcessingTimeTimers()).isZero();
        }
    }

    @Test
    void shouldCloseOpenEpisodesOfAStreamThatWentSilent() throws Exception {
        try (var h = harness(null)) {
            h.processBroadcastElement(CAT, 0);
            h.setProcessingTime(1000);
            h.processElement(cats("cam", 0, 1), 0);
            h.setProcessingTime(IDLE.toMillis() / 2);
            h.processElement(cats("cam", 1, 1), 0);
            h.setProcessingTime(IDLE.toMillis());
            assertThat(alerts(h)).containsExactly("open cat-seen/cam/0");
            h.setProcessingTime(IDLE.toMillis() * 2);
            assertThat(alerts(h)).containsExactly("open cat-seen/cam/0", "closed cat-seen/cam/0 until 7000");
            assertThat(keyedStateEntries(h)).isZero();
        }
    }
}
