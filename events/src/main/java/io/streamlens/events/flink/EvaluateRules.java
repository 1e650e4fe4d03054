package io.streamlens.events.flink;

import io.streamlens.events.alerts.Episode;
import io.streamlens.events.alerts.RuleEpisodes;
import io.streamlens.events.rules.BadRule;
import io.streamlens.events.rules.Rule;
import io.streamlens.events.rules.RuleParser;
import io.streamlens.events.rules.RuleUpdate;
import io.streamlens.events.rules.WindowView;
import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies every rule to every caption of the streams it names. Rules live in broadcast state (the
 * same on every subtask, in every checkpoint) and change while the job runs: a changed or removed
 * rule first closes its open episodes. Episodes live in keyed state per stream, so a job restored
 * from a checkpoint mid-episode neither repeats its open alert nor loses its close. A stream's
 * open episodes close when its input ends (the final watermark of a bounded run) or when it has
 * been silent for {@code idleTimeout}.
 */
public class EvaluateRules extends KeyedBroadcastProcessFunction<String, Caption, RuleUpdate, Alert> {
    /** The rules by id, as their JSON. */
    public static final MapStateDescriptor<String, String> RULES =
            new MapStateDescriptor<>("alert-rules", Types.STRING, Types.STRING);
    static final MapStateDescriptor<String, Episode> EPISODES =
            new MapStateDescriptor<>("rule-episodes", Types.STRING, TypeInformation.of(Episode.class));

    private static final long IDLE_TICK_MS = 60_000;
    /** Parsed rules are cached by text; texts replaced long ago are dropped beyond this many. */
    private static final int MAX_PARSED = 4096;

    private final Duration idleTimeout;
    private transient Map<String, Rule> parsed;
    private transient MapState<String, Episode> episodes;
    private transient ValueState<Long> previousEndMs;
    private transient ValueState<Long> lastSeenAt;

    public EvaluateRules(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void open(OpenContext context) {
        parsed = new HashMap<>();
        episodes = getRuntimeContext().getMapState(EPISODES);
        previousEndMs = getRuntimeContext().getState(new ValueStateDescriptor<>("rules-previous-end", Types.LONG));
        lastSeenAt = getRuntimeContext().getState(new ValueStateDescriptor<>("rules-last-seen", Types.LONG));
    }

    @Override
    public void processElement(Caption caption, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        ReadOnlyBroadcastState<String, String> rules = ctx.getBroadcastState(RULES);
        Long previous = previousEndMs.value();
        WindowView window = new WindowView(caption, previous == null ? -1 : previous);
        previousEndMs.update(Math.max(caption.endMs(), previous == null ? 0 : previous));
        long now = ctx.timerService().currentProcessingTime();
        for (Map.Entry<String, String> entry : rules.immutableEntries()) {
            Optional<Rule> rule = rule(entry.getValue());
            if (rule.isEmpty() || !rule.get().streams().selects(caption.streamId())) {
                continue;
            }
            RuleEpisodes.Step step = RuleEpisodes.next(rule.get(), caption.streamId(),
                    Optional.ofNullable(episodes.get(entry.getKey())), window, now);
            step.alert().ifPresent(out::collect);
            if (step.episode().isPresent()) {
                episodes.put(entry.getKey(), step.episode().get());
            } else {
                episodes.remove(entry.getKey());
            }
        }
        lastSeenAt.update(now);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // the end of a bounded input
        // One idle timer a minute per stream, not one per caption.
        ctx.timerService().registerProcessingTimeTimer((now + idleTimeout.toMillis()) / IDLE_TICK_MS * IDLE_TICK_MS + IDLE_TICK_MS);
    }

    @Override
    public void processBroadcastElement(RuleUpdate update, Context ctx, Collector<Alert> out) throws Exception {
        String before = ctx.getBroadcastState(RULES).get(update.ruleId());
        if (update.removal()) {
            if (before == null) {
                return;
            }
            ctx.getBroadcastState(RULES).remove(update.ruleId());
        } else {
            if (update.json().equals(before)) {
                return; // republished unchanged (a rules file read again): its episodes go on
            }
            ctx.getBroadcastState(RULES).put(update.ruleId(), update.json());
            if (before == null) {
                return; // a new rule has no episodes yet
            }
        }
        ctx.applyToKeyedState(EPISODES, (streamId, streamEpisodes) -> {
            Episode episode = streamEpisodes.get(update.ruleId());
            if (episode != null) {
                RuleEpisodes.closing(update.ruleId(), streamId, episode).ifPresent(out::collect);
                streamEpisodes.remove(update.ruleId());
            }
        });
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            Long seen = lastSeenAt.value();
            if (seen != null && seen + idleTimeout.toMillis() > timestamp) {
                return; // captions came since this timer was set; a later timer watches them
            }
        }
        List<Map.Entry<String, Episode>> ending = new ArrayList<>();
        episodes.entries().forEach(ending::add);
        for (Map.Entry<String, Episode> e : ending) {
            RuleEpisodes.closing(e.getKey(), ctx.getCurrentKey(), e.getValue()).ifPresent(out::collect);
        }
        episodes.clear();
        ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
        previousEndMs.clear();
        lastSeenAt.clear();
    }

    /** The rule a broadcast JSON holds; parsed once per text. Empty only for a text an older version accepted and this one does not. */
    private Optional<Rule> rule(String json) {
        if (!parsed.containsKey(json)) {
            if (parsed.size() >= MAX_PARSED) {
                parsed.clear();
            }
            try {
                parsed.put(json, ((RuleParser.Define) RuleParser.parse(json)).rule());
            } catch (BadRule | ClassCastException e) {
                parsed.put(json, null);
            }
        }
        return Optional.ofNullable(parsed.get(json));
    }
}
