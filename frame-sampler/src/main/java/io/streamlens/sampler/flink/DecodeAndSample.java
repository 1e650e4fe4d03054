package io.streamlens.sampler.flink;

import io.streamlens.records.BacklogLevel;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.StageClock;
import io.streamlens.records.StreamLensMetrics;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.DecodeException;
import io.streamlens.sampler.SamplerState;
import io.streamlens.sampler.SamplingOptions;
import io.streamlens.sampler.SegmentDecoder;
import io.streamlens.sampler.SegmentSampler;
import io.streamlens.sampler.Uninterruptible;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes each segment of a stream and emits its sampled frames as one {@link SampledSegment};
 * keyed by stream id, with the sampler's state (uniform phase, current shot) in keyed state so it
 * continues across segments, restarts and rescaling. A segment that cannot be decoded becomes a
 * dead letter and an empty {@link SampledSegment}, so the stream's time still advances. A stream's
 * state is cleared after its last segment. The segment's Kafka timestamp (Flink's record timestamp,
 * kept by the operators before this one) travels on as its arrival time; in a live job, segments
 * that waited too long for the decoder are decoded keyframes only, and if that is not enough
 * every other segment of each stream is not opened at all, until it has caught up
 * ({@link BacklogLevel}): opening and probing a segment costs as much as decoding its keyframes.
 */
public class DecodeAndSample extends KeyedProcessFunction<String, VideoSegment, SampledSegment> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("decode-dead-letters") {
    };

    /** The decoder's shedding levels: 1 decodes keyframes only, 2 also leaves every other segment of a stream unopened. */
    static final int KEYFRAMES_ONLY = 1;
    static final int SKIP_ALTERNATE_SEGMENTS = 2;

    private final SamplingOptions options;
    private final long latencyTargetMs;
    private transient SegmentSampler sampler;
    private transient BacklogLevel backlog;
    private transient ValueState<SamplerState> state;
    private transient Counter framesDecoded;
    private transient Counter framesSampled;

    public DecodeAndSample(SamplingOptions options) {
        this(options, 0);
    }

    /**
     * @param latencyTargetMs a live job's target: a segment that waited longer than this since its
     *     arrival before decoding is decoded keyframes only until the decoder has caught up (0: never)
     */
    public DecodeAndSample(SamplingOptions options, long latencyTargetMs) {
        this.options = options;
        this.latencyTargetMs = latencyTargetMs;
    }

    @Override
    public void open(OpenContext context) {
        Uninterruptible.loadFfmpeg();
        sampler = new SegmentSampler(options.sampler(), options.frameSize(), options.decoderThreads());
        backlog = new BacklogLevel(latencyTargetMs, SKIP_ALTERNATE_SEGMENTS, System::currentTimeMillis);
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("sampler", SamplerState.class));
        MetricGroup metrics = StreamLensMetrics.of(getRuntimeContext());
        framesDecoded = StreamLensMetrics.counter(metrics, StreamLensMetrics.FRAMES_DECODED);
        framesSampled = StreamLensMetrics.counter(metrics, StreamLensMetrics.FRAMES_SAMPLED);
        metrics.gauge(StreamLensMetrics.SHED_LEVEL, (Gauge<Integer>) backlog::level);
    }

    @Override
    public void processElement(VideoSegment segment, Context ctx, Collector<SampledSegment> out) throws Exception {
        SamplerState before = state.value();
        List<SampledFrame> frames = new ArrayList<>();
        long arrivedAtMs = BacklogLevel.arrivalOf(ctx.timestamp());
        int shed = backlog.observe(segment.streamId(), arrivedAtMs);
        if (shed >= SKIP_ALTERNATE_SEGMENTS && segment.seq() % 2 == 1 && !segment.last()) {
            // Not decoded; its packets still say how far its pictures go, so windows in it close now.
            out.collect(new SampledSegment(segment.streamId(), segment.seq(), segment.startUs(), undecodedEnd(segment), false,
                    segment.source(), List.of(), arrivedAtMs, true));
            return;
        }
        boolean keyframesOnly = shed >= KEYFRAMES_ONLY;
        backlog.workBegins();
        SegmentSampler.Outcome outcome;
        try {
            outcome = sampler.sample(segment, before == null ? SamplerState.initial() : before, frames::add, keyframesOnly);
        } finally {
            backlog.workEnds();
        }
        framesDecoded.inc(outcome.framesDecoded());
        framesSampled.inc(frames.size());
        outcome.failure().ifPresent(e -> ctx.output(DEAD_LETTERS,
                DeadLetter.of(segment.streamId(), segment.seq(), segment.source(), e.reason(), e.getMessage())));
        out.collect(new SampledSegment(segment.streamId(), segment.seq(), segment.startUs(),
                Math.max(segment.startUs(), outcome.endUs()), segment.last(), segment.source(), frames, arrivedAtMs,
                keyframesOnly));
        if (segment.last()) {
            state.clear();
        } else {
            state.update(outcome.state());
        }
    }

    /** Where an undecoded segment's pictures end, or its start when its packets do not say (damage reaches the dead letters when it is decoded). */
    private static long undecodedEnd(VideoSegment segment) {
        long started = StageClock.start();
        try {
            return Math.max(segment.startUs(), SegmentDecoder.endOf(segment));
        } catch (DecodeException e) {
            return segment.startUs();
        } finally {
            StageClock.stop("decode", started);
        }
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.close();
        }
    }
}
