package io.streamlens.deploy;

import io.streamlens.captions.Perception;
import io.streamlens.captions.flink.AnalysisFailures;
import io.streamlens.captions.flink.AnswerQuery;
import io.streamlens.captions.flink.CaptionOf;
import io.streamlens.captions.flink.CaptionWindow;
import io.streamlens.captions.flink.MergeAnswers;
import io.streamlens.captions.flink.SearchEveryStream;
import io.streamlens.captions.flink.TrackObjects;
import io.streamlens.captions.track.TrackerOptions;
import io.streamlens.deploy.metrics.CountDeadLetters;
import io.streamlens.events.flink.AlertQuestions;
import io.streamlens.events.flink.AnswerFromAlerts;
import io.streamlens.events.flink.EvaluateRules;
import io.streamlens.events.flink.ReadRules;
import io.streamlens.events.flink.SummariseStream;
import io.streamlens.events.rules.RuleUpdate;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.analysis.FrameAnalysers;
import io.streamlens.inference.flink.AnalyseFrames;
import io.streamlens.inference.speech.flink.TranscribeSpeech;
import io.streamlens.ingest.flink.ReassembleSegments;
import io.streamlens.records.Alert;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.PartialAnswer;
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
 * into windows and captioned; rolling summaries of every stream; alert rules applied to every
 * caption; questions answered from each stream's caption memory, or from its alerts when they
 * ask about alerts. Every CLI mode and every test calls this same {@link #build}.
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
                .process(new DecodeAndSample(options.sampling(), options.effectiveShedding().activeTargetMs()))
                .uid("decode-and-sample").name("DecodeAndSample").setParallelism(parallelism);

        SingleOutputStreamOperator<AnalysedSegment> analysed = AsyncDataStream
                .orderedWait(sampled, new AnalyseFrames(FrameAnalysers.of(models, parallelism), options.carryOver(),
                                options.effectiveShedding()),
                        ANALYSIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, ANALYSIS_CAPACITY)
                .uid("analyse-frames").name("AnalyseFrames").setParallelism(parallelism);

        SingleOutputStreamOperator<AnalysedSegment> tracked = analysed
                .keyBy(AnalysedSegment::streamId)
                .process(new TrackObjects(TrackerOptions.DEFAULTS, options.windows().idleTimeout()))
                .uid("track-objects").name("TrackObjects").setParallelism(parallelism);

        SingleOutputStreamOperator<SegmentSpeech> speech = segments
                .keyBy(VideoSegment::streamId)
                .process(new TranscribeSpeech(models.perceives(Perception.SPEECH), options.windows().idleTimeout(), null,
                        options.effectiveShedding().activeTargetMs()))
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
        outputs.summaries(captions.keyBy(Caption::streamId)
                .process(new SummariseStream(SummariseStream.DEFAULT_PERIOD, options.windows().idleTimeout()))
                .uid("summarise-stream").name("SummariseStream").setParallelism(parallelism));

        SingleOutputStreamOperator<Alert> alerts = null;
        if (inputs.rules() != null) {
            SingleOutputStreamOperator<RuleUpdate> rules = env
                    .fromSource(inputs.rules(), WatermarkStrategy.noWatermarks(), "video.rules").uid("rules-source")
                    .process(new ReadRules()).uid("read-rules").name("ReadRules").setParallelism(1);
            alerts = captions.keyBy(Caption::streamId)
                    .connect(rules.broadcast(EvaluateRules.RULES))
                    .process(new EvaluateRules(options.windows().idleTimeout()))
                    .uid("evaluate-rules").name("EvaluateRules").setParallelism(parallelism);
            outputs.alerts(alerts);
            deadLetters = deadLetters.union(rules.getSideOutput(ReadRules.DEAD_LETTERS));
        }

        if (inputs.queries() != null) {
            DataStream<Query> queries = env.fromSource(inputs.queries(), WatermarkStrategy.noWatermarks(), "video.queries")
                    .uid("queries-source");
            DataStream<Query> oneStream = queries.filter(q -> !q.asksEveryStream()).uid("about-one-stream").name("AboutOneStream");
            DataStream<Query> aboutCaptions = alerts == null ? oneStream
                    : oneStream.filter(AlertQuestions.aboutCaptions()).uid("questions-about-captions").name("AboutCaptions");
            SingleOutputStreamOperator<Answer> answers = captioned.keyBy(CaptionedWindow::streamId)
                    .connect(aboutCaptions.keyBy(Query::streamId))
                    .process(new AnswerQuery(models.answerers(parallelism), options.memory(), options.boundedInput()))
                    .uid("answer-query").name("AnswerQuery").setParallelism(parallelism);
            // A question without a stream id goes to every subtask; their best windows meet by query id.
            DataStream<Query> everyStream = queries.filter(Query::asksEveryStream)
                    .uid("about-every-stream").name("AboutEveryStream");
            SingleOutputStreamOperator<PartialAnswer> partials = captioned.keyBy(CaptionedWindow::streamId)
                    .connect(everyStream.broadcast(SearchEveryStream.WAITING))
                    .process(new SearchEveryStream(models.answerers(parallelism), options.memory(), options.boundedInput()))
                    .uid("search-every-stream").name("SearchEveryStream").setParallelism(parallelism);
            DataStream<Answer> merged = everyStream.keyBy(Query::queryId)
                    .connect(partials.keyBy(p -> p.query().queryId()))
                    .process(new MergeAnswers(options.boundedInput()))
                    .uid("merge-answers").name("MergeAnswers").setParallelism(parallelism);
            DataStream<Answer> all = answers.union(merged);
            deadLetters = deadLetters.union(answers.getSideOutput(AnswerQuery.DEAD_LETTERS));
            if (alerts != null) {
                DataStream<Query> aboutAlerts = oneStream.filter(AlertQuestions.aboutAlerts()).uid("questions-about-alerts")
                        .name("AboutAlerts");
                all = all.union(alerts.keyBy(Alert::streamId).connect(aboutAlerts.keyBy(Query::streamId))
                        .process(new AnswerFromAlerts(options.memory().ttl(), options.boundedInput()))
                        .uid("answer-from-alerts").name("AnswerFromAlerts").setParallelism(parallelism));
            }
            outputs.answers(all);
        }
        outputs.deadLetters(deadLetters.map(new CountDeadLetters()).uid("count-dead-letters").name("CountDeadLetters"));
    }
}
