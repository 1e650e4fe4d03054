package io.streamlens.deploy;

import io.streamlens.compression.CompressionChain;
import io.streamlens.inference.BatchOptions;
import io.streamlens.inference.Device;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import io.streamlens.captions.Perception;
import io.streamlens.captions.PerceptionCaptioner;
import io.streamlens.captions.memory.QuestionAnswerer;
import io.streamlens.inference.perception.TextAnswerer;
import io.streamlens.inference.vlm.VlmAnswerer;
import io.streamlens.inference.vlm.VlmCaptioner;
import io.streamlens.captions.WindowCaptioner;
import io.streamlens.inference.flink.AnalyseFrames;
import io.streamlens.captions.flink.AnalysisFailures;
import io.streamlens.captions.flink.AnswerQuery;
import io.streamlens.captions.flink.CaptionOf;
import io.streamlens.captions.flink.CaptionWindow;
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
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The StreamLens job graph, top to bottom: segments from Kafka, reassembled and decoded per
 * stream, frames sampled and read by the models while the audio is listened to, both grouped
 * into windows and captioned; questions
 * answered from each stream's caption memory. Every CLI mode and every test calls this same
 * {@link #build}.
 */
public final class StreamLensJob {
    /** A segment's frames waiting for the models; beyond this the async operator pushes back. */
    private static final int ANALYSIS_CAPACITY = 8;
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(5);

    private StreamLensJob() {
    }

    /** @param querySource questions to answer, or null for a job without questions */
    public static void build(StreamExecutionEnvironment env, Source<SegmentPart, ?, ?> segmentSource,
                             Source<Query, ?, ?> querySource, JobOptions options, JobOutputs outputs) {
        int parallelism = options.parallelism();
        DataStream<SegmentPart> parts = env
                .fromSource(segmentSource, WatermarkStrategy.noWatermarks(), "video.segments")
                .uid("segments-source");

        SingleOutputStreamOperator<VideoSegment> segments = parts
                .keyBy(SegmentPart::streamId)
                .process(new ReassembleSegments(options.maxSegmentBytes()))
                .uid("reassemble-segments").name("ReassembleSegments").setParallelism(parallelism);

        SingleOutputStreamOperator<SampledSegment> sampled = segments
                .keyBy(VideoSegment::streamId)
                .process(new DecodeAndSample(options.sampler(), options.frameSize(), options.decoderThreads()))
                .uid("decode-and-sample").name("DecodeAndSample").setParallelism(parallelism);

        SingleOutputStreamOperator<AnalysedSegment> analysed = AsyncDataStream
                .orderedWait(sampled, new AnalyseFrames(options.usesVlm() ? options.modelPack() : null, runtime(options),
                                options.perceives(Perception.TEXT), options.perceives(Perception.PEOPLE)),
                        ANALYSIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, ANALYSIS_CAPACITY)
                .uid("analyse-frames").name("AnalyseFrames").setParallelism(parallelism);

        SingleOutputStreamOperator<SegmentSpeech> speech = segments
                .keyBy(VideoSegment::streamId)
                .process(new TranscribeSpeech(options.perceives(Perception.SPEECH), options.idleTimeout()))
                .uid("transcribe-speech").name("TranscribeSpeech").setParallelism(parallelism);

        SingleOutputStreamOperator<CaptionedWindow> captioned = analysed
                .keyBy(AnalysedSegment::streamId)
                .connect(speech.keyBy(SegmentSpeech::streamId))
                .process(new CaptionWindow(options.window(), captioners(options), options.idleTimeout(), true))
                .uid("caption-window").name("CaptionWindow").setParallelism(parallelism);
        DataStream<Caption> captions = captioned.map(new CaptionOf()).uid("caption-of").name("CaptionOf")
                .setParallelism(parallelism);

        DataStream<DeadLetter> deadLetters = segments.getSideOutput(ReassembleSegments.DEAD_LETTERS)
                .union(sampled.getSideOutput(DecodeAndSample.DEAD_LETTERS),
                        analysed.flatMap(new AnalysisFailures()).uid("analysis-failures").name("AnalysisFailures"),
                        captioned.getSideOutput(CaptionWindow.DEAD_LETTERS));

        outputs.frames(sampled.flatMap(new SplitIntoFrames()).uid("split-into-frames").name("SplitIntoFrames"));
        outputs.captions(captions);

        if (querySource != null) {
            DataStream<Query> queries = env.fromSource(querySource, WatermarkStrategy.noWatermarks(), "video.queries")
                    .uid("queries-source");
            SingleOutputStreamOperator<Answer> answers = captioned.keyBy(CaptionedWindow::streamId)
                    .connect(queries.keyBy(Query::streamId))
                    .process(new AnswerQuery(answerers(options), options.memoryWindows(), AnswerQuery.DEFAULT_TOKEN_BYTES,
                            options.memoryTtl(), options.boundedInput(), Duration.ofSeconds(30)))
                    .uid("answer-query").name("AnswerQuery").setParallelism(parallelism);
            outputs.answers(answers);
            deadLetters = deadLetters.union(answers.getSideOutput(AnswerQuery.DEAD_LETTERS));
        }
        outputs.deadLetters(deadLetters);
    }

    /** Model sessions are shared by the slots of a JVM; OCR gains nothing from big batches on CPUs. */
    static RuntimeOptions runtime(JobOptions options) {
        Device device = Device.parse(options.device());
        return RuntimeOptions.forSlots(device, options.parallelism())
                .withBatching(new BatchOptions(device.kind() == Device.Kind.CUDA ? 16 : 4, Duration.ofMillis(5), 1024));
    }

    static QuestionAnswerer.Factory answerers(JobOptions options) {
        RuntimeOptions runtime = runtime(options);
        if (!options.usesVlm()) {
            return () -> new TextAnswerer(runtime);
        }
        String pack = options.modelPack();
        return () -> new VlmAnswerer(pack, runtime);
    }

    static WindowCaptioner.Factory captioners(JobOptions options) {
        if (!options.usesVlm()) {
            return PerceptionCaptioner::new;
        }
        String pack = options.modelPack();
        String chain = options.compression();
        RuntimeOptions runtime = runtime(options);
        return () -> new VlmCaptioner(SharedSessions.acquire(pack, runtime), CompressionChain.parse(chain));
    }
}
