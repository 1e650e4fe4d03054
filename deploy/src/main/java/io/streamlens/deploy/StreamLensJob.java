package io.streamlens.deploy;

import io.streamlens.ingest.flink.ReassembleSegments;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.flink.DecodeAndSample;
import io.streamlens.sampler.flink.SplitIntoFrames;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The StreamLens job graph, top to bottom: segments from Kafka, reassembled per stream, decoded
 * and sampled per stream, frames and dead letters to the outputs. {@code main()} of every CLI
 * mode and every test call this same {@link #build}.
 */
public final class StreamLensJob {
    private StreamLensJob() {
    }

    public static void build(StreamExecutionEnvironment env, Source<SegmentPart, ?, ?> segmentSource,
                             JobOptions options, JobOutputs outputs) {
        DataStream<SegmentPart> parts = env
                .fromSource(segmentSource, WatermarkStrategy.noWatermarks(), "video.segments")
                .uid("segments-source");

        SingleOutputStreamOperator<VideoSegment> segments = parts
                .keyBy(SegmentPart::streamId)
                .process(new ReassembleSegments(options.maxSegmentBytes()))
                .uid("reassemble-segments").name("ReassembleSegments")
                .setParallelism(options.parallelism());

        SingleOutputStreamOperator<SampledSegment> sampled = segments
                .keyBy(VideoSegment::streamId)
                .process(new DecodeAndSample(options.sampler(), options.frameSize(), options.decoderThreads()))
                .uid("decode-and-sample").name("DecodeAndSample")
                .setParallelism(options.parallelism());

        DataStream<DeadLetter> deadLetters = segments.getSideOutput(ReassembleSegments.DEAD_LETTERS)
                .union(sampled.getSideOutput(DecodeAndSample.DEAD_LETTERS));

        outputs.frames(sampled.flatMap(new SplitIntoFrames()).uid("split-into-frames").name("SplitIntoFrames")
                .setParallelism(options.parallelism()));
        outputs.deadLetters(deadLetters);
    }
}
