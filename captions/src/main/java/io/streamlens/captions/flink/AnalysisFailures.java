package io.streamlens.captions.flink;

import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.DeadLetterReason;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** A dead letter for every frame a model refused, so that no gap in a caption goes unexplained. */
public class AnalysisFailures implements FlatMapFunction<AnalysedSegment, DeadLetter> {
    @Override
    public void flatMap(AnalysedSegment segment, Collector<DeadLetter> out) {
        for (String failure : segment.failures()) {
            out.collect(DeadLetter.of(segment.streamId(), segment.seq(), segment.source(), DeadLetterReason.MODEL_FAILURE, failure));
        }
    }
}
