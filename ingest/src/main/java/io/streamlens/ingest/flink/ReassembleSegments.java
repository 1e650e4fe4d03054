package io.streamlens.ingest.flink;

import io.streamlens.ingest.SegmentSequence;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.VideoSegment;
import java.io.ByteArrayOutputStream;
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
 * parts of a split segment wait in keyed state (RocksDB) until all have arrived, duplicates and
 * out-of-order segments are refused, and malformed records become dead letters. A stream's state
 * is cleared after its last segment.
 */
public class ReassembleSegments extends KeyedProcessFunction<String, SegmentPart, VideoSegment> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("segment-dead-letters") {
    };

    private final long maxSegmentBytes;
    private transient ValueState<Long> lastSeq;
    private transient ValueState<SegmentPart> pendingHeader;
    private transient MapState<Integer, byte[]> pendingParts;

    /** @param maxSegmentBytes a split segment larger than this is refused as {@code too-large} */
    public ReassembleSegments(long maxSegmentBytes) {
        this.maxSegmentBytes = maxSegmentBytes;
    }

    @Override
    public void open(OpenContext context) {
        lastSeq = getRuntimeContext().getState(new ValueStateDescriptor<>("last-seq", Types.LONG));
        pendingHeader = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-segment", SegmentPart.class));
        pendingParts = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-parts", Types.INT, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(SegmentPart part, Context ctx, Collector<VideoSegment> out) throws Exception {
        if (part.isMalformed()) {
            reject(ctx, part, DeadLetterReason.NOT_A_VIDEO, "malformed segment record: " + part.problem());
            return;
        }
        long last = lastSeq.value() == null ? -1 : lastSeq.value();
        Optional<SegmentSequence.Rejection> rejection = SegmentSequence.check(part.seq(), last);
        if (rejection.isPresent()) {
            reject(ctx, part, rejection.get().reason(), rejection.get().detail());
            return;
        }
        if (part.isWhole()) {
            abandonPending(ctx, "segment " + part.seq() + " arrived before all its parts did");
            pass(part.toSegment(part.bytes()), out);
            return;
        }
        SegmentPart pending = pendingHeader.value();
        if (pending != null && (pending.seq() != part.seq() || pending.parts() != part.parts())) {
            abandonPending(ctx, "segment " + part.seq() + " began before all its parts arrived");
            pending = null;
        }
        if (pending == null) {
            pendingHeader.update(withoutBytes(part));
        }
        if (pendingParts.contains(part.part())) {
            reject(ctx, part, DeadLetterReason.DUPLICATE, "part " + part.part() + " of segment " + part.seq() + " arrived twice");
            return;
        }
        pendingParts.put(part.part(), part.bytes());
        if (countParts() == part.parts()) {
            byte[] whole = concatenate(part.parts());
            pendingHeader.clear();
            pendingParts.clear();
            if (whole.length > maxSegmentBytes) {
                reject(ctx, part, DeadLetterReason.TOO_LARGE,
                        "segment of " + whole.length + " bytes exceeds the limit of " + maxSegmentBytes);
                lastSeq.update(part.seq());
                return;
            }
            pass(part.toSegment(whole), out);
        }
    }

    private void pass(VideoSegment segment, Collector<VideoSegment> out) throws Exception {
        out.collect(segment);
        if (segment.last()) {
            lastSeq.clear();
        } else {
            lastSeq.update(segment.seq());
        }
    }

    private void abandonPending(Context ctx, String why) throws Exception {
        SegmentPart pending = pendingHeader.value();
        if (pending != null) {
            reject(ctx, pending, DeadLetterReason.INCOMPLETE,
                    "only " + countParts() + " of " + pending.parts() + " parts of segment " + pending.seq() + " arrived: " + why);
            pendingHeader.clear();
            pendingParts.clear();
        }
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

    private static SegmentPart withoutBytes(SegmentPart p) {
        return new SegmentPart(p.streamId(), p.seq(), p.startUs(), p.container(), p.last(), p.source(),
                0, p.parts(), new byte[0], "");
    }

    private static void reject(Context ctx, SegmentPart part, DeadLetterReason reason, String detail) {
        ctx.output(DEAD_LETTERS, DeadLetter.of(part.streamId(), part.seq(), part.source(), reason, detail));
    }
}
