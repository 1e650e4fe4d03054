package io.streamlens.ingest.flink;

import io.streamlens.ingest.SegmentSequence;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.SegmentContainer;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.VideoSegment;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns the parts read from {@code video.segments} back into whole segments, keyed by stream id:
 * parts of a split segment wait in keyed state (RocksDB) until all have arrived, duplicates,
 * out-of-order segments and containers outside the allow-list are refused, and malformed records
 * become dead letters. A segment whose parts claim more than the size limit is refused at its first
 * part, and one left half-received is given up after {@link #DEFAULT_PART_TIMEOUT}, so forged
 * headers cannot park data in state. A stream's state is cleared after its last segment.
 */
public class ReassembleSegments extends KeyedProcessFunction<String, SegmentPart, VideoSegment> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("segment-dead-letters") {
    };
    /** A publisher sends a segment's parts back to back; a minute without the rest means they are lost. */
    public static final Duration DEFAULT_PART_TIMEOUT = Duration.ofMinutes(1);

    private final long maxSegmentBytes;
    private final long partTimeoutMs;
    private transient ValueState<Long> lastSeq;
    private transient ValueState<Long> lastStartUs;
    private transient ValueState<SegmentPart> pendingHeader;
    private transient ValueState<Long> pendingBytes;
    private transient ValueState<Long> pendingDeadline;
    private transient MapState<Integer, byte[]> pendingParts;

    /** @param maxSegmentBytes a split segment larger than this is refused as {@code too-large} */
    public ReassembleSegments(long maxSegmentBytes) {
        this(maxSegmentBytes, DEFAULT_PART_TIMEOUT);
    }

    /** @param partTimeout how long a half-received segment waits for the rest of its parts */
    public ReassembleSegments(long maxSegmentBytes, Duration partTimeout) {
        this.maxSegmentBytes = maxSegmentBytes;
        this.partTimeoutMs = partTimeout.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        lastSeq = getRuntimeContext().getState(new ValueStateDescriptor<>("last-seq", Types.LONG));
        lastStartUs = getRuntimeContext().getState(new ValueStateDescriptor<>("last-start-us", Types.LONG));
        pendingHeader = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-segment", SegmentPart.class));
        pendingBytes = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-bytes", Types.LONG));
        pendingDeadline = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-deadline", Types.LONG));
        pendingParts = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-parts", Types.INT, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(SegmentPart part, Context ctx, Collector<VideoSegment> out) throws Exception {
        if (part.isMalformed()) {
            reject(ctx, part, DeadLetterReason.MALFORMED, "malformed segment record: " + part.problem());
            return;
        }
        Optional<SegmentContainer> container = SegmentContainer.of(part.container());
        if (container.isEmpty()) {
            reject(ctx, part, DeadLetterReason.UNSUPPORTED_CONTAINER, "container '" + part.container()
                    + "' is not one of " + SegmentContainer.allowed() + "; segments must be self-contained");
            return;
        }
        long previousStartUs = valueOr(lastStartUs, -1);
        Optional<SegmentSequence.Rejection> rejection = SegmentSequence.check(part.seq(), valueOr(lastSeq, -1))
                .or(() -> SegmentSequence.checkTime(part.seq(), part.startUs(), previousStartUs));
        if (rejection.isPresent()) {
            reject(ctx, part, rejection.get().reason(), rejection.get().detail());
            return;
        }
        if (part.isWhole()) {
            abandonPending(ctx, "segment " + part.seq() + " arrived before all its parts did");
            pass(part.toSegment(part.bytes(), container.get()), out);
            return;
        }
        SegmentPart pending = pendingHeader.value();
        if (pending != null && (pending.seq() != part.seq() || pending.parts() != part.parts())) {
            abandonPending(ctx, "segment " + part.seq() + " began before all its parts arrived");
            pending = null;
        }
        if (pending == null && claimsTooMuch(part)) {
            reject(ctx, part, DeadLetterReason.TOO_LARGE, "segment " + part.seq() + " claims " + part.parts()
                    + " parts of " + part.bytes().length + " bytes, beyond the limit of " + maxSegmentBytes + " bytes");
            lastSeq.update(part.seq());
            return;
        }
        if (pendingParts.contains(part.part())) {
            reject(ctx, part, DeadLetterReason.DUPLICATE, "part " + part.part() + " of segment " + part.seq() + " arrived twice");
            return;
        }
        if (pending == null) {
            pendingHeader.update(withoutBytes(part));
            long deadline = ctx.timerService().currentProcessingTime() + partTimeoutMs;
            pendingDeadline.update(deadline);
            ctx.timerService().registerProcessingTimeTimer(deadline);
        }
        long bytes = valueOr(pendingBytes, 0) + part.bytes().length;
        if (bytes > maxSegmentBytes) {
            abandonPending(ctx, DeadLetterReason.TOO_LARGE, "segment " + part.seq() + " grew past the limit of "
                    + maxSegmentBytes + " bytes after " + (countParts() + 1) + " of its " + part.parts() + " parts");
            lastSeq.update(part.seq());
            return;
        }
        pendingBytes.update(bytes);
        pendingParts.put(part.part(), part.bytes());
        if (countParts() == part.parts()) {
            byte[] whole = concatenate(part.parts());
            clearPending(ctx);
            pass(part.toSegment(whole, container.get()), out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<VideoSegment> out) throws Exception {
        Long deadline = pendingDeadline.value();
        if (deadline != null && deadline == timestamp) {
            abandonPending(ctx, "no further part arrived within " + Duration.ofMillis(partTimeoutMs).toSeconds() + " s");
        }
    }

    /**
     * Whether a first part's own size times its claimed count is beyond the limit. Every part but
     * the last is as large as the first to arrive, so this errs only when the last part comes first.
     */
    private boolean claimsTooMuch(SegmentPart part) {
        return (long) (part.parts() - 1) * part.bytes().length >= maxSegmentBytes;
    }

    private void pass(VideoSegment segment, Collector<VideoSegment> out) throws Exception {
        out.collect(segment);
        if (segment.last()) {
            lastSeq.clear();
            lastStartUs.clear();
        } else {
            lastSeq.update(segment.seq());
            lastStartUs.update(segment.startUs());
        }
    }

    private void abandonPending(Context ctx, String why) throws Exception {
        abandonPending(ctx, DeadLetterReason.INCOMPLETE, why);
    }

    private void abandonPending(Context ctx, DeadLetterReason reason, String why) throws Exception {
        SegmentPart pending = pendingHeader.value();
        if (pending != null) {
            reject(ctx, pending, reason,
                    "only " + countParts() + " of " + pending.parts() + " parts of segment " + pending.seq() + " arrived: " + why);
            clearPending(ctx);
        }
    }

    private void clearPending(Context ctx) throws Exception {
        Long deadline = pendingDeadline.value();
        if (deadline != null) {
            ctx.timerService().deleteProcessingTimeTimer(deadline);
        }
        pendingHeader.clear();
        pendingParts.clear();
        pendingBytes.clear();
        pendingDeadline.clear();
    }

    private int countParts() throws Exception {
        int n = 0;
        for (Integer ignored : pendingParts.keys()) {
            n++;
        }
        return n;
    }

    private byte[] concatenate(int parts) throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (int i = 0; i < parts; i++) {
            whole.write(pendingParts.get(i));
        }
        return whole.toByteArray();
    }

    private static long valueOr(ValueState<Long> state, long fallback) throws Exception {
        Long value = state.value();
        return value == null ? fallback : value;
    }

    private static SegmentPart withoutBytes(SegmentPart p) {
        return new SegmentPart(p.streamId(), p.seq(), p.startUs(), p.container(), p.last(), p.source(),
                0, p.parts(), new byte[0], "");
    }

    private static void reject(Context ctx, SegmentPart part, DeadLetterReason reason, String detail) {
        ctx.output(DEAD_LETTERS, DeadLetter.of(part.streamId(), part.seq(), part.source(), reason, detail));
    }
}
