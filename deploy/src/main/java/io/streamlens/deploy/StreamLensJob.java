package io.streamlens.deploy;

import io.streamlens.captions.Perception;
import io.streamlens.captions.flink.AnalysisFailures;
import io.streamlens.captions.flink.AnswerQuery;
import io.streamlens.captions.flink.CaptionOf;
import io.streamlens.captions.flink.CaptionWindow;
import io.streamlens.captions.flink.TrackObjects;
import io.streamlens.captions.track.TrackerOptions;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.analysis.FrameAnalysers;
import io.streamlens.inference.flink.AnalyseFrames;
import io.streamlens.inference.speech.flink.TranscribeSpeech;
import io.streamlens.ingest.flink.ReassembleSegments;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Query;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.SegmentSpeech;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.flink.DecodeAndSample;
import io.streamlens.sampler.flink.SplitIntoFrames;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The StreamLens job graph, top to bottom: segments from Kafka, reassembled and decoded per
 * stream, frames sampled and read by the models while the audio is listened to, both grouped
 * into windows and captioned; questions answered from each stream's caption memory. Every CLI
 * mode and every test calls this same {@link #build}.
 */
public final class StreamLensJob {
    /** A segment's frames waiting for the models; beyond this the async operator pushes back. */
    private static final int ANALYSIS_CAPACITY = 8;
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(5);

    private StreamLensJob() {
    }

    public static void build(StreamExecutionEnvironment env, JobInputs inputs, JobOptions options, JobOutputs outputs) {
        int parallelism = options.parallelism();
        ModelOptions models = options.models();
        DataStream<SegmentPart> parts = env
                .fromSource(inputs.segments(), WatermarkStrategy.noWatermarks(), "video.segments")
                .uid("segments-source");

        SingleOutputStreamOperator<VideoSegment> segments = parts
                .keyBy(SegmentPart::streamId)
                .process(new ReassembleSegments(options.maxSegmentBytes()))
                .uid("reassemble-segments").name("ReassembleSegments").setParallelism(parallelism);

        SingleOutputStreamOperator<SampledSegment> sampled = segments
                .keyBy(VideoSegment::streamId)
                .process(new DecodeAndSample(options.sampling()))
                .uid("decode-and-sample").name("DecodeAndSample").setParallelism(parallelism);

        SingleOutputStreamOperator<AnalysedSegment> analysed = AsyncDataStream
                .orderedWait(sampled, new AnalyseFrames(FrameAnalysers.of(models, parallelism), options.carryOver()),
                        ANALYSIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, ANALYSIS_CAPACITY)
                .uid("analyse-frames").name("AnalyseFrames").setParallelism(parallelism);

        SingleOutputStreamOperator<AnalysedSegment> tracked = analysed
                .keyBy(AnalysedSegment::streamId)
                .process(new TrackObjects(TrackerOptions.DEFAULTS, options.windows().idleTimeout()))
                .uid("track-objects").name("TrackObjects").setParallelism(parallelism);

        SingleOutputStreamOperator<SegmentSpeech> speech = segments
                .keyBy(VideoSegment::streamId)
                .process(new TranscribeSpeech(models.perceives(Perception.SPEECH), options.windows().idleTimeout()))
                .uid("transcribe-speech").name("TranscribeSpeech").setParallelism(parallelism);

        SingleOutputStreamOperator<CaptionedWindow> captioned = tracked
                .keyBy(AnalysedSegment::streamId)
                .connect(speech.keyBy(SegmentSpeech::streamId))
                .process(new CaptionWindow(options.windows(), models.captioners(parallelism)))
                .uid("caption-window").name("CaptionWindow").setParallelism(parallelism);
        DataStream<Caption> captions = captioned.map(new CaptionOf()).uid("caption-of").name("CaptionOf")
                .setParallelism(parallelism);

        DataStream<DeadLetter> deadLetters = segments.getSideOutput(ReassembleSegments.DEAD_LETTERS)
                .union(sampled.getSideOutput(DecodeAndSample.DEAD_LETTERS),
                        analysed.flatMap(new AnalysisFailures()).uid("analysis-failures").name("AnalysisFailures"),
                        captioned.getSideOutput(CaptionWindow.DEAD_LETTERS));

        outputs.frames(sampled.flatMap(new SplitIntoFrames()).uid("split-into-frames").name("SplitIntoFrames"));
        outputs.captions(captions);

        if (inputs.queries() != null) {
            DataStream<Query> queries = env.fromSource(inputs.queries(), WatermarkStrategy.noWatermarks(), "video.queries")
                    .uid("queries-source");
            SingleOutputStreamOperator<Answer> answers = captioned.keyBy(CaptionedWindow::streamId)
                    .connect(queries.keyBy(Query::streamId))
                    .process(new AnswerQuery(models.answerers(parallelism), options.memory(), options.boundedInput()))
                    .uid("answer-query").name("AnswerQuery").setParallelism(parallelism);
            outputs.answers(answers);
            deadLetters = deadLetters.union(answers.getSideOutput(AnswerQuery.DEAD_LETTERS));
        }
        outputs.deadLetters(deadLetters);
    }
}
