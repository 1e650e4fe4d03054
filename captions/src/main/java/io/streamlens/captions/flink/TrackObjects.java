package io.streamlens.captions.flink;

import io.streamlens.captions.track.StreamTracks;
import io.streamlens.captions.track.TrackerOptions;
import io.streamlens.records.AnalysedSegment;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Links each stream's detections into tracks ({@link StreamTracks}), keyed by stream id, with the
 * tracker's state in RocksDB so ids survive a restore or a rescale. State is cleared after a
 * stream's last segment, and expires with the stream's other state when it goes quiet.
 */
public class TrackObjects extends KeyedProcessFunction<String, AnalysedSegment, AnalysedSegment> {
    private final TrackerOptions options;
    private final Duration expireAfter;
    private transient StreamTracks tracks;
    private transient ValueState<StreamTracks.State> state;

    /** @param expireAfter a stream silent this long has its tracks forgotten */
    public TrackObjects(TrackerOptions options, Duration expireAfter) {
        this.options = options;
        this.expireAfter = expireAfter;
    }

    @Override
    public void open(OpenContext context) {
        tracks = new StreamTracks(options);
        ValueStateDescriptor<StreamTracks.State> descriptor = new ValueStateDescriptor<>("tracks", StreamTracks.State.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(expireAfter).build());
        state = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(AnalysedSegment segment, Context ctx, Collector<AnalysedSegment> out) throws Exception {
        StreamTracks.State before = state.value();
        StreamTracks.Step step = tracks.track(segment, before == null ? StreamTracks.State.initial() : before);
        out.collect(step.segment());
        if (segment.last()) {
            state.clear();
        } else {
            state.update(step.next());
        }
    }
}
