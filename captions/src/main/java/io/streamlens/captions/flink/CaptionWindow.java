package io.streamlens.captions.flink;

import io.streamlens.captions.StreamWindows;
import io.streamlens.captions.WindowCaptioner;
import io.streamlens.captions.WindowCaptions;
import io.streamlens.captions.WindowOptions;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.StageClock;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.SegmentSpeech;
import io.streamlens.records.StreamLensMetrics;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Groups each stream's analysed frames and spoken words into overlapping windows on the stream's
 * own clock and captions every window that closes (with the compressed visual tokens the caption
 * rests on, for the question memory). Frames arrive on the first input, the words of each
 * segment's audio on the second; a window closes once both have got past its end. A stream's
 * window state lives in RocksDB and is cleared at the stream's last segment; a stream that goes
 * quiet for {@link WindowOptions#idleTimeout()} has its open windows captioned and its state freed, so abandoned
 * live streams do not linger. A captioner failing on a window gives that window its perception
 * caption and a {@code model-failure} dead letter ({@link #DEAD_LETTERS}); the job goes on.
 */
public class CaptionWindow extends KeyedCoProcessFunction<String, AnalysedSegment, SegmentSpeech, CaptionedWindow> {
    /** Windows the model pack could not caption. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("caption-dead-letters") {
    };

    private final WindowOptions options;
    private final WindowCaptioner.Factory captioners;
    private transient StreamWindows windows;
    private transient WindowCaptioner captioner;
    private transient WindowCaptions captions;
    private transient ValueState<StreamWindows.State> state;
    private transient ValueState<String> source;
    private transient ValueState<Long> idleTimer;
    private transient Counter windowsCaptioned;
    private transient Histogram captionLatencyMs;

    /** The second input carries every segment's speech, or why there is none (recognition off, no audio). */
    public CaptionWindow(WindowOptions options, WindowCaptioner.Factory captioners) {
        this.options = options;
        this.captioners = captioners;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        windows = new StreamWindows(options.spec());
        captioner = captioners.open();
        captions = new WindowCaptions(captioner);
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("windows", StreamWindows.State.class));
        source = getRuntimeContext().getState(new ValueStateDescriptor<>("source", Types.STRING));
        idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("idle-timer", Types.LONG));
        MetricGroup metrics = StreamLensMetrics.of(getRuntimeContext());
        windowsCaptioned = StreamLensMetrics.counter(metrics, StreamLensMetrics.WINDOWS_CAPTIONED);
        captionLatencyMs = StreamLensMetrics.histogram(metrics, StreamLensMetrics.CAPTION_LATENCY_MS);
    }

    @Override
    public void processElement1(AnalysedSegment segment, Context ctx, Collector<CaptionedWindow> out) throws Exception {
        source.update(segment.source());
        advance(ctx, windows.add(segment, current()), out);
    }

    @Override
    public void processElement2(SegmentSpeech speech, Context ctx, Collector<CaptionedWindow> out) throws Exception {
        advance(ctx, windows.hear(speech, current()), out);
    }

    private StreamWindows.State current() throws Exception {
        StreamWindows.State before = state.value();
        return before == null ? StreamWindows.State.initial() : before;
    }

    private void advance(Context ctx, StreamWindows.Step step, Collector<CaptionedWindow> out) throws Exception {
        emit(ctx, source.value(), step.closed(), out);
        Long timer = idleTimer.value();
        if (timer != null) {
            ctx.timerService().deleteProcessingTimeTimer(timer);
        }
        if (windows.ended(step.next())) {
            clear();
            return;
        }
        state.update(step.next());
        long next = ctx.timerService().currentProcessingTime() + options.idleTimeout().toMillis();
        ctx.timerService().registerProcessingTimeTimer(next);
        idleTimer.update(next);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CaptionedWindow> out) throws Exception {
        StreamWindows.State open = state.value();
        if (open != null) {
            emit(ctx, source.value(), windows.end(open).closed(), out);
        }
        clear();
    }

    private void emit(Context ctx, String from, List<StreamWindows.Window> closed, Collector<CaptionedWindow> out) {
        for (StreamWindows.Window window : closed) {
            long started = StageClock.start();
            WindowCaptions.Captioned captioned = captions.caption(ctx.getCurrentKey(), from, window);
            StageClock.stop("windows", started);
            captioned.failure().ifPresent(letter -> ctx.output(DEAD_LETTERS, letter));
            out.collect(captioned.window());
            // The element closing the window carries the Kafka timestamp of the segment that
            // completed it; windows closed by the idle timer have none and no latency to speak of,
            // and a record without a Kafka timestamp (-1) has none either. The latency goes in
            // before the count, so a scrape that sees a window captioned also sees its latency.
            Long completedAt = ctx.timestamp();
            if (completedAt != null && completedAt > 0) {
                captionLatencyMs.update(Math.max(0, ctx.timerService().currentProcessingTime() - completedAt));
            }
            windowsCaptioned.inc();
        }
    }

    private void clear() {
        state.clear();
        source.clear();
        idleTimer.clear();
    }

    @Override
    public void close() throws Exception {
        if (captioner != null) {
            captioner.close();
        }
    }
}
