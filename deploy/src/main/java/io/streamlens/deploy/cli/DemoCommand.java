package io.streamlens.deploy.cli;

import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SegmentPublisher.PublishReport;
import io.streamlens.events.rules.Rule;
import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Durations;
import io.streamlens.records.Json;
import io.streamlens.records.Query;
import io.streamlens.records.StreamIds;
import io.streamlens.records.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything on this machine: an embedded Kafka broker, a Flink MiniCluster with RocksDB, "
                + "the videos (or a generated sample) published and captioned; captions are printed as they arrive "
                + "and written with subtitles to --out. Exit status 1 if any input failed.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    SubtitleFlags subtitleFlags;

    @Mixin
    JobFlags job;

    @Mixin
    RuleFlags rules;

    @Mixin
    MetricsFlags metrics;

    @Option(names = "--out", defaultValue = "out", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--thumbnails", description = "also write a JPEG of every sampled frame to OUT/thumbnails")
    boolean thumbnails;

    @Option(names = "--ask", paramLabel = "QUESTION", description = "ask this about every stream once the input is processed; answers.jsonl")
    List<String> questions = new ArrayList<>();

    @Option(names = "--ask-all", paramLabel = "QUESTION",
            description = "ask this about every stream at once, once the input is processed: the best windows of all, each with its stream")
    List<String> questionsForAll = new ArrayList<>();

    @Option(names = "--serve", description = "instead of exiting when done, keep the job running and serve the viewer's page (--port, --bind)")
    boolean serve;

    @Mixin
    ServeFlags serveFlags;

    @Parameters(arity = "0..*", paramLabel = "VIDEO", description = "video files or URLs (default: a generated sample clip)")
    List<String> videos = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (serve && asks()) {
            System.err.println("--ask and --serve do not go together: ask on the page");
            return 2;
        }
        JobOptions options = job.toOptions();
        List<Rule> alertRules = rules.read();
        OutputFiles.prepare(out);
        List<String> sources = new ArrayList<>(videos);
        if (sources.isEmpty()) {
            Path sample = out.resolve("sample.mp4");
            SampleClip.write(sample, SampleClip.DEMO_SHOTS, 640, 360, 25, 25);
            System.out.println("no video given: generated " + sample + " (three shots with text on screen)");
            sources.add(sample.toString());
        }
        List<String> streamIds = sources.stream().map(StreamIds::fromSource).toList();
        if (serve) {
            return ServedPipeline.run(options, sources, streamIds,
                    serveFlags.options(sources, options.sampling().frameSize().maxSide()), DemoCommand::print);
        }
        try (LocalPipeline local = LocalPipeline.start(metrics.port)) {
            metrics.announce();
            local.publishRules(alertRules);
            List<PublishReport> reports = local.publish(sources, streamIds);
            reports.forEach(Reports::print);
            local.ask(questions.stream().flatMap(q -> streamIds.stream()
                    .map(id -> Query.of(UUID.randomUUID().toString(), id, q))).toList());
            local.ask(questionsForAll.stream().map(q -> Query.everyStream(UUID.randomUUID().toString(), q, null, null)).toList());
            System.out.println("captioning with " + options.models().pack() + ", sampler " + options.sampling().sampler() + " …");
            try (CaptionTail tail = new CaptionTail(local.kafka(), DemoCommand::print)) {
                local.run(options, out, thumbnails, asks());
            }
            return writeOutputs(local) ? 1 : 0;
        }
    }

    /** @return whether anything failed */
    private boolean writeOutputs(LocalPipeline local) throws Exception {
        Map<String, List<Caption>> captions = OutputFiles.byStream(local.read(Topics.CAPTIONS));
        OutputFiles.writeLines(out.resolve(OutputFiles.CAPTIONS), captions.values().stream().flatMap(List::stream).map(Json::write).toList());
        List<Alert> alerts = OutputFiles.alerts(local.read(Topics.ALERTS));
        for (var stream : captions.entrySet()) {
            OutputFiles.writeStream(out, stream.getKey(), stream.getValue(), subtitleFlags.subtitles);
            OutputFiles.writeSummary(out, stream.getKey(), stream.getValue(), alerts);
        }
        List<String> answerLines = local.read(Topics.ANSWERS);
        if (asks()) {
            OutputFiles.writeLines(out.resolve(OutputFiles.ANSWERS), answerLines);
            for (Answer a : OutputFiles.answers(answerLines)) {
                System.out.printf("%n? %s (%s)%n", a.question(), a.streamId() == null ? "every stream" : a.streamId());
                AskCommand.print(a);
            }
        }
        if (rules.any()) {
            OutputFiles.writeLines(out.resolve(OutputFiles.ALERTS), alerts.stream().map(Json::write).toList());
            alerts.forEach(a -> System.out.printf("%n! [%s %s–%s] %s%n", a.streamId(), Durations.clock(a.startMs()),
                    a.open() ? "…" : Durations.clock(a.endMs()), a.text()));
        }
        List<String> letterLines = local.read(Topics.DEADLETTER);
        OutputFiles.writeLines(out.resolve(OutputFiles.DEAD_LETTERS), letterLines);
        List<DeadLetter> letters = OutputFiles.deadLetters(letterLines);
        System.out.println();
        captions.forEach((stream, list) -> System.out.printf("  %-24s %4d captions → %s.vtt, %s.srt, %s.summary.md%n", stream, list.size(),
                stream, stream, stream));
        letters.forEach(d -> System.out.printf("  ✗ %s (segment %d): %s — %s%n", d.streamId(), d.seq(), d.reason(), d.detail()));
        System.out.println("outputs in " + out.toAbsolutePath() + " (" + OutputFiles.CAPTIONS + ", "
                + StandardOutputs.FRAMES_FILE + ", " + OutputFiles.DEAD_LETTERS + (asks() ? ", " + OutputFiles.ANSWERS : "")
                + (rules.any() ? ", " + OutputFiles.ALERTS : "") + ")");
        return !letters.isEmpty();
    }

    private boolean asks() {
        return !questions.isEmpty() || !questionsForAll.isEmpty();
    }

    private static void print(Caption c) {
        System.out.printf("[%s %s–%s] %s%n", c.streamId(), Durations.clock(c.startMs()), Durations.clock(c.endMs()), c.text());
    }
}
