package io.streamlens.records;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * StreamLens' own metrics, declared once as the topics are in {@link Topics}: every operator
 * registers them under its metric group's {@value #GROUP} group, so Flink's Prometheus reporter
 * exports them as {@code flink_taskmanager_job_task_operator_streamlens_<name>} with the job,
 * task, operator and subtask as labels. The README's metrics table lists them.
 */
public final class StreamLensMetrics {
    public static final String GROUP = "streamlens";

    /** Video frames FFmpeg decoded (DecodeAndSample). */
    public static final String FRAMES_DECODED = "framesDecoded";
    /** Decoded frames the sampler kept for the models (DecodeAndSample). */
    public static final String FRAMES_SAMPLED = "framesSampled";
    /** Sampled frames the models finished with (AnalyseFrames). */
    public static final String FRAMES_ANALYSED = "framesAnalysed";
    /** Sampled frames the models did not look at (AnalyseFrames): past the timeout, or carrying an unchanged earlier frame's findings. */
    public static final String FRAMES_SKIPPED = "framesSkipped";
    /** Frames a live job running behind its streams analysed with fewer models (load shedding). */
    public static final String FRAMES_SHED = "framesShed";
    /** How hard an operator's subtask sheds now: AnalyseFrames 0 (every model) to 5 (no model); DecodeAndSample 0 to 2; TranscribeSpeech 0 to 2. */
    public static final String SHED_LEVEL = "shedLevel";
    /** Key of the per-model group (label {@code model}) holding {@link #MODEL_TIME_MS}. */
    public static final String MODEL = "model";
    /** Milliseconds from a frame's request to a model to its answer, queueing for a batch included (AnalyseFrames). */
    public static final String MODEL_TIME_MS = "modelTimeMs";
    /** Caption windows closed and captioned (CaptionWindow). */
    public static final String WINDOWS_CAPTIONED = "windowsCaptioned";
    /**
     * Milliseconds from the arrival in Kafka of the segment that completed a window to its caption
     * (CaptionWindow): how far captions run behind the stream's clock.
     */
    public static final String CAPTION_LATENCY_MS = "captionLatencyMs";
    /** Key of the per-reason group (label {@code reason}) holding {@link #DEAD_LETTERS}. */
    public static final String REASON = "reason";
    /** Dead letters written, per reason (CountDeadLetters). */
    public static final String DEAD_LETTERS = "deadLetters";
    /** Seconds of speech recognition per second of audio over the last segments; above 1 speech falls behind (TranscribeSpeech). */
    public static final String SPEECH_REAL_TIME_FACTOR = "speechRealTimeFactor";

    /** Histograms summarise their latest samples: enough for stable p95s, small enough to cost nothing. */
    static final int HISTOGRAM_SAMPLES = 1024;

    private StreamLensMetrics() {
    }

    /** The operator's StreamLens metric group. */
    public static MetricGroup of(RuntimeContext context) {
        return context.getMetricGroup().addGroup(GROUP);
    }

    /** A counter that may be incremented from other threads (model futures complete on the batchers' threads). */
    public static Counter counter(MetricGroup group, String name) {
        return group.counter(name, new ThreadSafeSimpleCounter());
    }

    /** A histogram of the latest samples; its updates are synchronized, so any thread may add to it. */
    public static Histogram histogram(MetricGroup group, String name) {
        return group.histogram(name, new DescriptiveStatisticsHistogram(HISTOGRAM_SAMPLES));
    }
}
