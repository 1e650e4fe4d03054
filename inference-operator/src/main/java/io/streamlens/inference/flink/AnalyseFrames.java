package io.streamlens.inference.flink;

import io.streamlens.inference.analysis.CarryOverAnalyser;
import io.streamlens.inference.analysis.CarryOverOptions;
import io.streamlens.inference.analysis.FrameAnalyser;
import io.streamlens.inference.shedding.LoadShedder;
import io.streamlens.inference.shedding.SheddingOptions;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.StreamLensMetrics;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Runs the models on every sampled frame of a segment without blocking the task thread (the
 * fan-out is {@link FrameAnalyser}'s): on-screen text, faces and people and, with a {@code vlm}
 * pack, visual tokens. Requests from every subtask in the JVM meet in the packs' shared batchers.
 * A frame the models refuse is kept without findings, and the reason travels on for a dead letter.
 * A frame whose picture has not changed since the stream's last analysed frame carries that
 * frame's findings instead ({@link CarryOverAnalyser}); a stream's segments always reach the same
 * subtask, in order, since the decoder before it is keyed by stream. A live job that runs behind
 * its streams sheds models by level ({@link LoadShedder}), from each segment's delay between its
 * arrival in Kafka and the models being done with it; the frames say what they went without.
 */
public class AnalyseFrames extends RichAsyncFunction<SampledSegment, AnalysedSegment> {
    private final FrameAnalyser.Factory analysers;
    private final CarryOverOptions carryOver;
    private final SheddingOptions shedding;
    private transient CarryOverAnalyser analyser;
    private transient LoadShedder shedder;
    private transient Counter framesAnalysed;
    private transient Counter framesSkipped;
    private transient Counter framesShed;

    public AnalyseFrames(FrameAnalyser.Factory analysers, CarryOverOptions carryOver, SheddingOptions shedding) {
        this.analysers = analysers;
        this.carryOver = carryOver;
        this.shedding = shedding;
    }

    public AnalyseFrames(FrameAnalyser.Factory analysers, CarryOverOptions carryOver) {
        this(analysers, carryOver, SheddingOptions.OFF);
    }

    @Override
    public void open(OpenContext context) throws Exception {
        MetricGroup metrics = StreamLensMetrics.of(getRuntimeContext());
        framesAnalysed = StreamLensMetrics.counter(metrics, StreamLensMetrics.FRAMES_ANALYSED);
        framesSkipped = StreamLensMetrics.counter(metrics, StreamLensMetrics.FRAMES_SKIPPED);
        framesShed = StreamLensMetrics.counter(metrics, StreamLensMetrics.FRAMES_SHED);
        shedder = new LoadShedder(shedding);
        metrics.gauge(StreamLensMetrics.SHED_LEVEL, (Gauge<Integer>) shedder::level);
        analyser = new CarryOverAnalyser(analysers.open().timedBy(new ModelTimeHistograms(metrics)), carryOver);
    }

    @Override
    public void asyncInvoke(SampledSegment segment, ResultFuture<AnalysedSegment> result) {
        analyser.analyse(segment, shedder).whenComplete((analysed, error) -> {
            shedder.finished(segment.streamId(), segment.arrivedAtMs());
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                // frames that carried earlier findings were not shown to the models: they count as skipped
                long carried = analysed.frames().stream().filter(FrameAnalysis::carriedOver).count();
                framesAnalysed.inc(analysed.frames().size() - carried);
                framesSkipped.inc(carried);
                framesShed.inc(analysed.frames().stream().filter(f -> f.shed().any() && !f.carriedOver()).count());
                result.complete(List.of(analysed));
            }
        });
    }

    /** Past the timeout the segment goes on without findings, so its windows are still captioned. */
    @Override
    public void timeout(SampledSegment segment, ResultFuture<AnalysedSegment> result) {
        framesSkipped.inc(segment.frames().size());
        result.complete(List.of(FrameAnalyser.withoutFindings(segment,
                "the models did not finish with segment " + segment.seq() + " in time; its frames carry no findings")));
    }

    @Override
    public void close() throws Exception {
        if (analyser != null) {
            analyser.close();
        }
    }
}
