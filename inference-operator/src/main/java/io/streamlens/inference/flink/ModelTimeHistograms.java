package io.streamlens.inference.flink;

import io.streamlens.inference.analysis.ModelTimings;
import io.streamlens.records.StreamLensMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * Each model's time with a frame as a Flink histogram, in milliseconds, labelled with the model's
 * name ({@code streamlens_model_modelTimeMs{model="objects"}}). A model's histogram is registered
 * the first time it reports, on whichever thread that is: the names are the analyser's few fixed
 * ones, never taken from input.
 */
final class ModelTimeHistograms implements ModelTimings {
    private final MetricGroup group;
    private final Map<String, Histogram> byModel = new ConcurrentHashMap<>();

    ModelTimeHistograms(MetricGroup group) {
        this.group = group;
    }

    @Override
    public void record(String model, long nanos) {
        byModel.computeIfAbsent(model, m -> StreamLensMetrics.histogram(group.addGroup(StreamLensMetrics.MODEL, m),
                StreamLensMetrics.MODEL_TIME_MS)).update(TimeUnit.NANOSECONDS.toMillis(nanos));
    }
}
