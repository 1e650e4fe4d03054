package io.streamlens.sampler.flink;

import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** The frames of each sampled segment, one by one, for outputs that want frames. */
public class SplitIntoFrames implements FlatMapFunction<SampledSegment, SampledFrame> {
    @Override
    public void flatMap(SampledSegment segment, Collector<SampledFrame> out) {
        segment.frames().forEach(out::collect);
    }
}
