package io.streamlens.events.flink;

import io.streamlens.events.chapters.ChapterSplitter;
import io.streamlens.records.Caption;
import io.streamlens.records.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A rolling summary of each stream every {@code period} of its own clock: the windows that started
 * in the period, told as one {@link Summary} ({@code rolling}). The period's windows wait in keyed
 * state (at most {@link #MAX_WINDOWS}); the last, partial period is told when the input ends or
 * the stream has been silent for {@code idleTimeout}.
 */
public class SummariseStream extends KeyedProcessFunction<String, Caption, Summary> {
    /** Windows kept per period; a period of many short windows is told from its first ones. */
    static final int MAX_WINDOWS = 400;
    /** How much stream time a rolling summary covers. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(5);
    private static final long IDLE_TICK_MS = 60_000;

    private final Duration period;
    private final Duration idleTimeout;
    private transient ListState<Caption> windows;
    private transient ValueState<Integer> count;
    private transient ValueState<Long> periodStartMs;
    private transient ValueState<Long> lastSeenAt;

    public SummariseStream(Duration period, Duration idleTimeout) {
        this.period = period;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void open(OpenContext context) {
        windows = getRuntimeContext().getListState(new ListStateDescriptor<>("summary-windows", Caption.class));
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("summary-window-count", Types.INT));
        periodStartMs = getRuntimeContext().getState(new ValueStateDescriptor<>("summary-period-start", Types.LONG));
        lastSeenAt = getRuntimeContext().getState(new ValueStateDescriptor<>("summary-last-seen", Types.LONG));
    }

    @Override
    public void processElement(Caption caption, Context ctx, Collector<Summary> out) throws Exception {
        Long start = periodStartMs.value();
        if (start == null) {
            start = caption.startMs() / period.toMillis() * period.toMillis();
        } else if (caption.startMs() >= start + period.toMillis()) {
            tell(start + period.toMillis(), out);
            start = caption.startMs() / period.toMillis() * period.toMillis();
        }
        periodStartMs.update(start);
        int n = count.value() == null ? 0 : count.value();
        if (n < MAX_WINDOWS) {
            windows.add(caption);
            count.update(n + 1);
        }
        long now = ctx.timerService().currentProcessingTime();
        lastSeenAt.update(now);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // the end of a bounded input
        ctx.timerService().registerProcessingTimeTimer((now + idleTimeout.toMillis()) / IDLE_TICK_MS * IDLE_TICK_MS + IDLE_TICK_MS);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Summary> out) throws Exception {
        Long seen = lastSeenAt.value();
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME && seen != null && seen + idleTimeout.toMillis() > timestamp) {
            return;
        }
        tell(-1, out);
        ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
        periodStartMs.clear();
        lastSeenAt.clear();
    }

    /** Emits the period's summary and empties it; {@code endMs} -1: up to its last window's end. */
    private void tell(long endMs, Collector<Summary> out) throws Exception {
        List<Caption> told = new ArrayList<>();
        windows.get().forEach(told::add);
        if (!told.isEmpty()) {
            long end = endMs >= 0 ? endMs : told.stream().mapToLong(Caption::endMs).max().orElseThrow();
            out.collect(ChapterSplitter.summary(told, Summary.ROLLING, periodStartMs.value(), end));
        }
        windows.clear();
        count.clear();
    }
}
