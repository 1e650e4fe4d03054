package io.streamlens.deploy.cli;

import io.streamlens.deploy.JobOptions;
import io.streamlens.events.rules.Rule;
import io.streamlens.ingest.SegmentPublisher.PublishReport;
import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Json;
import io.streamlens.records.StreamIds;
import io.streamlens.records.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Archive mode: caption video files and folders, several at once, as fast as the machine allows. "
                + "Writes NAME.jsonl, NAME.vtt, NAME.srt, NAME.chapters.vtt and NAME.summary.md/.json per video, failures.jsonl "
                + "and, with --rules, alerts.jsonl; exit status 1 if any input failed.")
final class AnnotateCommand implements Callable<Integer> {
    static final String FAILURES = "failures.jsonl";
    /** DOTALL: a file name may hold any character but '/', a newline included. */
    private static final java.util.regex.Pattern VIDEO_EXTENSIONS = java.util.regex.Pattern.compile(
            ".*\\.(mp4|m4v|mov|mkv|webm|avi|mpg|mpeg|ts|m2ts|mts|ogv|ogg|flv|wmv|3gp)", java.util.regex.Pattern.DOTALL);

    @Mixin
    SubtitleFlags subtitleFlags;

    @Mixin
    JobFlags job;

    @Mixin
    RuleFlags rules;

    @Mixin
    MetricsFlags metrics;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "video files, or folders searched for videos")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        JobOptions options = job.toArchiveOptions();
        List<Rule> alertRules = rules.read();
        OutputFiles.prepare(out);
        List<Path> inputs = expand(paths);
        if (inputs.isEmpty()) {
            System.err.println("no video files found in " + paths);
            return 1;
        }
        Map<String, Path> inputOf = new LinkedHashMap<>();
        for (Path input : inputs) {
            inputOf.put(uniqueId(StreamIds.fromSource(input.toString()), inputOf.keySet()), input);
        }
        try (LocalPipeline local = LocalPipeline.start(metrics.port)) {
            metrics.announce();
            local.publishRules(alertRules);
            long started = System.nanoTime();
            List<PublishReport> reports = local.publish(
                    inputOf.values().stream().map(Path::toString).toList(), List.copyOf(inputOf.keySet()));
            Progress progress = new Progress(reports, started);
            try (CaptionTail tail = new CaptionTail(local.kafka(), progress::caption)) {
                local.run(options, null, false, false);
            }
            progress.finish();
            return writeOutputs(local, inputOf) ? 1 : 0;
        }
    }

    private boolean writeOutputs(LocalPipeline local, Map<String, Path> inputOf) throws IOException {
        Map<String, List<Caption>> captions = OutputFiles.byStream(local.read(Topics.CAPTIONS));
        List<Alert> alerts = OutputFiles.alerts(local.read(Topics.ALERTS));
        for (var stream : captions.entrySet()) {
            OutputFiles.writeStream(out, stream.getKey(), stream.getValue(), subtitleFlags.subtitles);
            OutputFiles.writeSummary(out, stream.getKey(), stream.getValue(), alerts);
        }
        if (rules.any()) {
            OutputFiles.writeLines(out.resolve(OutputFiles.ALERTS), alerts.stream().map(Json::write).toList());
        }
        List<DeadLetter> letters = OutputFiles.deadLetters(local.read(Topics.DEADLETTER));
        List<String> failures = new ArrayList<>();
        for (DeadLetter d : letters) {
            Path input = inputOf.get(d.streamId());
            failures.add(Json.write(Map.of("input", input == null ? d.source() : input.toString(), "streamId", d.streamId(),
                    "segment", d.seq(), "reason", d.reason(), "detail", d.detail())));
            System.out.printf("  ✗ %s: %s — %s%n", input == null ? d.streamId() : input, d.reason(), d.detail());
        }
        Set<String> failed = new HashSet<>(letters.stream().map(DeadLetter::streamId).toList());
        for (var input : inputOf.entrySet()) {
            if (!captions.containsKey(input.getKey()) && !failed.contains(input.getKey())) {
                // Never "captioned in full" for an input that gave nothing: say so, as a failure.
                String detail = "the job produced no caption and no dead letter for it";
                failures.add(Json.write(Map.of("input", input.getValue().toString(), "streamId", input.getKey(),
                        "segment", -1, "reason", "no-caption", "detail", detail)));
                System.out.printf("  ✗ %s: no-caption — %s%n", input.getValue(), detail);
                failed.add(input.getKey());
            }
        }
        OutputFiles.writeLines(out.resolve(FAILURES), failures);
        System.out.printf("%d of %d inputs captioned in full; outputs in %s%n",
                inputOf.size() - failed.size(), inputOf.size(), out.toAbsolutePath());
        return !failed.isEmpty();
    }

    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(Files::isRegularFile)
                            .filter(f -> VIDEO_EXTENSIONS.matcher(f.getFileName().toString().toLowerCase(java.util.Locale.ROOT)).matches())
                            .sorted().forEach(inputs::add);
                }
            } else {
                inputs.add(path); // named explicitly: tried whatever it is, and reported if it is no video
            }
        }
        return inputs;
    }

    /** {@code clip}, then {@code clip-2}, {@code clip-3} … for inputs with the same name in different folders. */
    static String uniqueId(String id, Set<String> taken) {
        String candidate = id;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    /** Files done, video seconds captioned and speed as a multiple of real time, on one line. */
    private static final class Progress {
        private final Map<String, Long> durationMs = new HashMap<>();
        private final Map<String, Long> doneMs = new ConcurrentHashMap<>();
        private final Set<String> failed = new HashSet<>();
        private final long started;
        private final long totalMs;

        Progress(List<PublishReport> reports, long started) {
            this.started = started;
            for (PublishReport r : reports) {
                durationMs.put(r.streamId(), r.videoUs() / 1000);
                if (r.segments() == 0) {
                    failed.add(r.streamId());
                }
            }
            totalMs = durationMs.values().stream().mapToLong(Long::longValue).sum();
            print();
        }

        void caption(Caption c) {
            doneMs.merge(c.streamId(), c.endMs(), Math::max);
            print();
        }

        synchronized void print() {
            long files = durationMs.keySet().stream()
                    .filter(id -> failed.contains(id) || doneMs.getOrDefault(id, -1L) >= durationMs.get(id) - 1).count();
            long videoMs = doneMs.values().stream().mapToLong(Long::longValue).sum();
            double wall = (System.nanoTime() - started) / 1e9;
            System.err.printf("\r  %d/%d files  %.1f/%.1f s of video  %.1f× real time   ", files, durationMs.size(),
                    videoMs / 1000.0, totalMs / 1000.0, wall > 0 ? videoMs / 1000.0 / wall : 0);
        }

        void finish() {
            print();
            System.err.println();
        }
    }
}
