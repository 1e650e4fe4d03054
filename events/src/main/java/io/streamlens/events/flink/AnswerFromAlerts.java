package io.streamlens.events.flink;

import io.streamlens.events.alerts.AlertAnswers;
import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Query;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Answers questions about alerts ({@link AlertAnswers#asksAboutAlerts}) from each stream's latest
 * alerts, kept in keyed state: each episode once, as it stands last, at most {@link #MAX_KEPT}
 * a stream, forgotten after {@code ttl} without a new alert. In bounded runs questions wait for
 * the end of the input, as {@code AnswerQuery}'s do.
 */
public class AnswerFromAlerts extends KeyedCoProcessFunction<String, Alert, Query, Answer> {
    static final int MAX_KEPT = 200;

    private final Duration ttl;
    private final boolean answerAtEndOfInput;
    private transient ListState<Alert> alerts;
    private transient ListState<Query> waiting;

    public AnswerFromAlerts(Duration ttl, boolean answerAtEndOfInput) {
        this.ttl = ttl;
        this.answerAtEndOfInput = answerAtEndOfInput;
    }

    @Override
    public void open(OpenContext context) {
        ListStateDescriptor<Alert> descriptor = new ListStateDescriptor<>("stream-alerts", Alert.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl).cleanupInRocksdbCompactFilter(1000).build());
        alerts = getRuntimeContext().getListState(descriptor);
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("alert-questions", Query.class));
    }

    @Override
    public void processElement1(Alert alert, Context ctx, Collector<Answer> out) throws Exception {
        List<Alert> kept = new ArrayList<>();
        alerts.get().forEach(a -> {
            if (!a.alertId().equals(alert.alertId())) {
                kept.add(a);
            }
        });
        kept.add(alert);
        alerts.update(kept.size() > MAX_KEPT ? kept.subList(kept.size() - MAX_KEPT, kept.size()) : kept);
    }

    @Override
    public void processElement2(Query query, Context ctx, Collector<Answer> out) throws Exception {
        if (answerAtEndOfInput) {
            waiting.add(query);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        } else {
            out.collect(answer(query));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Answer> out) throws Exception {
        for (Query query : waiting.get()) {
            out.collect(answer(query));
        }
        waiting.clear();
    }

    private Answer answer(Query query) throws Exception {
        List<Alert> all = new ArrayList<>();
        alerts.get().forEach(all::add);
        return AlertAnswers.answer(query, all);
    }
}
