package io.streamlens.deploy.metrics;

import io.streamlens.records.DeadLetter;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.StreamLensMetrics;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counts the job's dead letters by reason on their way to the topic, one counter per
 * {@link DeadLetterReason} (label {@code reason}), all registered at the start so a dashboard
 * sees zeros rather than gaps. A reason the enum does not know is counted as {@value #OTHER}:
 * a label's values are never taken from data, so they stay few. (Flink's Prometheus reporter
 * writes the label's {@code -} as {@code _}: {@code reason="model_failure"}.)
 */
public class CountDeadLetters extends RichMapFunction<DeadLetter, DeadLetter> {
    static final String OTHER = "other";

    private transient Map<String, Counter> byReason;
    private transient Counter other;

    @Override
    public void open(OpenContext context) {
        MetricGroup metrics = StreamLensMetrics.of(getRuntimeContext());
        byReason = new HashMap<>();
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            byReason.put(reason.code(), counterOf(metrics, reason.code()));
        }
        other = counterOf(metrics, OTHER);
    }

    private static Counter counterOf(MetricGroup metrics, String reason) {
        return StreamLensMetrics.counter(metrics.addGroup(StreamLensMetrics.REASON, reason), StreamLensMetrics.DEAD_LETTERS);
    }

    @Override
    public DeadLetter map(DeadLetter letter) {
        byReason.getOrDefault(letter.reason(), other).inc();
        return letter;
    }
}
