package io.streamlens.deploy.bench;

import io.streamlens.captions.Perception;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.cli.ClusterJob;
import io.streamlens.deploy.cli.DurationConverter;
import io.streamlens.deploy.cli.JobFlags;
import io.streamlens.deploy.cluster.FlinkRest;
import io.streamlens.inference.Device;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.shedding.SheddingOptions;
import io.streamlens.inference.speech.ModelCache;
import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.sampler.SamplerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.connector.base.DeliveryGuarantee;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./streamlens bench NAME}: every benchmark, and the one place their options are parsed.
 * Each subcommand turns its flags into the benchmark's own options and writes one JSON object
 * per result line to standard output ({@link JsonLines}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints one JSON object per result line.",
        subcommands = {BenchCommand.Decode.class, BenchCommand.Compress.class, BenchCommand.Inference.class,
                BenchCommand.Pipeline.class, BenchCommand.Archive.class})
public final class BenchCommand {

    private static final JsonLines OUT = new JsonLines(System.out);

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Decode+sample rate per sampler next to FFmpeg's own single-thread decode rate; publish (segmenting) speed.")
    static final class Decode implements Callable<Integer> {
        @Option(names = "--video", paramLabel = "FILE", description = "videos to measure (default: the sample media in .media/)")
        List<Path> videos = new ArrayList<>();

        @Option(names = "--sampler", description = "samplers to measure (default: uniform:1, scene, keyframes)")
        List<String> samplers = new ArrayList<>(List.of("uniform:1", "scene", "keyframes"));

        @Option(names = "--repeats", defaultValue = "3", description = "runs per measurement; the best is reported")
        int repeats;

        @Override
        public Integer call() throws Exception {
            List<Path> files = videos.isEmpty() ? SampleMedia.videos() : videos;
            if (files.isEmpty()) {
                System.err.println("no videos: pass --video FILE, or run ./dev/fetch-media first");
                return 2;
            }
            DecodeBenchmark bench = new DecodeBenchmark(OUT, repeats);
            List<SamplerSpec> specs = samplers.stream().map(SamplerSpec::parse).toList();
            for (Path file : files) {
                bench.run(file.toString(), specs);
            }
            return 0;
        }
    }

    @Command(name = "compress", mixinStandardHelpOptions = true,
            description = "Token compression chains: reduction, fidelity (mean and 5th-percentile cosine) and speed next to "
                    + "a plain copy, on synthetic SigLIP/CLIP-sized grids and on ViT patch tokens of real video frames.")
    static final class Compress implements Callable<Integer> {
        @Option(names = "--video", paramLabel = "FILE", description = "videos for real-frame tokens (default: three sample videos)")
        List<Path> videos = new ArrayList<>();

        @Option(names = "--no-synthetic", description = "skip the synthetic grids")
        boolean noSynthetic;

        @Option(names = "--no-video", description = "synthetic grids only (no video is decoded)")
        boolean noVideo;

        @Option(names = "--scale", defaultValue = "UNIT", description = "patch pixel scaling: UNIT ([0,1]) or CLIP (CLIP mean/std)")
        PatchTokens.Scale scale;

        @Override
        public Integer call() throws Exception {
            List<Path> files = noVideo ? List.of()
                    : videos.isEmpty() ? List.of(SampleMedia.file(SampleMedia.COCKATOO), SampleMedia.file(SampleMedia.PHONE_1080P),
                            SampleMedia.file(SampleMedia.HELLO_MP4))
                    : videos;
            new CompressBenchmark(300, 700).run(new CompressBenchmark.Options(files, !noSynthetic, scale), OUT);
            return 0;
        }
    }

    @Command(name = "inference", mixinStandardHelpOptions = true,
            description = "Model latency and throughput at each batch size through StreamLens' batcher, next to bare "
                    + "OrtSession.run on the same inputs; then the speech recogniser (audio seconds per wall second, one "
                    + "thread) and the face and people detectors (ms per 640x360 frame, one thread).")
    static final class Inference implements Callable<Integer> {
        @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
                description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}, fastest for these models on a small host)")
        int threads;

        @Option(names = "--device", paramLabel = "cpu|cuda[:N]", defaultValue = "cpu", description = "default: ${DEFAULT-VALUE}")
        String device;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
                description = "minimum time per model and batch size (default: ${DEFAULT-VALUE})")
        double seconds;

        @Option(names = "--batches", split = ",", paramLabel = "N,N", defaultValue = "1,4,16",
                description = "batch sizes (default: ${DEFAULT-VALUE})")
        List<Integer> batches;

        @Spec
        CommandSpec spec;

        @Option(names = "--only", paramLabel = "models|speech|people",
                description = "one part only: the batched models, speech (recogniser alone and behind voice activity), "
                        + "or faces, expressions and posture (default: all three)")
        String only;

        @Override
        public Integer call() throws Exception {
            if (only != null && !List.of("models", "speech", "people").contains(only)) {
                throw new ParameterException(spec.commandLine(), "--only takes models, speech or people, not " + only);
            }
            if (only == null || only.equals("models")) {
                InferenceBenchmark.Options defaults = InferenceBenchmark.Options.defaults();
                RuntimeOptions runtime = defaults.runtime().withIntraOpThreads(threads).withDevice(Device.parse(device));
                new InferenceBenchmark(new InferenceBenchmark.Options(runtime, batches, Duration.ofMillis((long) (seconds * 1000)),
                        defaults.minRounds()), r -> OUT.write(r.toLine())).run();
            }
            if (only == null || only.equals("speech")) {
                speech();
            }
            if (only == null || only.equals("people")) {
                PeopleBenchmark.run(Duration.ofSeconds(3), OUT);
            }
            return 0;
        }

        private void speech() throws Exception {
            Optional<short[]> speech = SpokenSample.speak(SpokenSample.PARAGRAPH);
            if (speech.isEmpty()) {
                System.err.println("speech recogniser not measured: espeak-ng, which reads the test paragraph, is not installed");
            } else {
                try (SpeechModel model = SpeechModel.acquire(ModelCache.defaultRoot())) {
                    for (SpeechBenchmark.Result result : SpeechBenchmark.run(model, SpeechBenchmark.inputs(speech.get()), 3)) {
                        OUT.write(result);
                    }
                }
            }
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "The whole job on this machine: archive speed per sampler over the sample videos, and live "
                    + "latency (segment in Kafka to caption in Kafka, p50/p95) against concurrent real-time streams.")
    static final class Pipeline implements Callable<Integer> {
        @Option(names = "--video", paramLabel = "FILE", description = "archive-mode videos (default: the sample media)")
        List<Path> videos = new ArrayList<>();

        @Option(names = "--samplers", split = ",", description = "archive-mode samplers (default: uniform:1,scene,keyframes)")
        List<String> samplers = new ArrayList<>(List.of("uniform:1", "scene", "keyframes"));

        @Option(names = "--streams", split = ",", description = "live-mode stream counts (default: 1,2,4)")
        List<Integer> streams = new ArrayList<>(List.of(1, 2, 4));

        @Option(names = "--seconds", defaultValue = "21", description = "length of each live stream (default: ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--load", split = ",", paramLabel = "X",
                description = "live mode under load instead: streams of real footage at these multiples of --capacity "
                        + "(e.g. 1,2,5), each for --seconds, with the job's --latency-target shedding")
        List<Integer> loads = new ArrayList<>();

        @Option(names = "--capacity", defaultValue = "4",
                description = "with --load: how many real-time streams the machine carries at full quality (default: ${DEFAULT-VALUE})")
        int capacity;

        @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = DurationConverter.class,
                description = "with --load: the job's checkpoint interval, as run's (default: ${DEFAULT-VALUE})")
        Duration checkpointInterval;

        @Option(names = "--unshed", description = "with --load: also run the highest load with shedding off, for comparison")
        boolean unshed;

        @Option(names = "--skip-archive", description = "live mode only")
        boolean skipArchive;

        @Option(names = "--skip-live", description = "archive mode only")
        boolean skipLive;

        @Option(names = "--live-delivery", split = ",", description = "live-mode guarantees (default: AT_LEAST_ONCE,EXACTLY_ONCE)")
        List<DeliveryGuarantee> liveDelivery = new ArrayList<>(List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.EXACTLY_ONCE));

        @Option(names = "--plot", paramLabel = "PNG", description = "also draw live latency against streams into this PNG")
        Path plot;

        @Option(names = "--perception-off", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "archive mode: also run once with every detector off (--perceive none), for comparison (default: on)")
        boolean perceptionOff;

        @Option(names = "--jobmanager", paramLabel = "H:P",
                description = "archive mode: also run on this Flink cluster (./streamlens cluster start), next to the MiniCluster")
        String jobManager;

        @Mixin
        JobFlags job;

        @Override
        public Integer call() throws Exception {
            PipelineBenchmark bench = new PipelineBenchmark(OUT, job.toOptions());
            if (!skipArchive) {
                List<Path> files = videos.isEmpty() ? SampleMedia.videos() : videos;
                for (String sampler : samplers) {
                    bench.archive(files, SamplerSpec.parse(sampler));
                    if (jobManager != null) {
                        bench.archiveOnCluster(files, SamplerSpec.parse(sampler), new FlinkRest(jobManager), ClusterJob.defaultJar());
                    }
                }
                if (perceptionOff) {
                    new PipelineBenchmark(OUT, withoutPerception(job.toOptions())).archive(files, SamplerSpec.parse(samplers.get(0)));
                }
            }
            if (!loads.isEmpty()) {
                Path work = Files.createTempDirectory("streamlens-bench");
                for (int load : loads) {
                    bench.overload(load * capacity, seconds, load + "x", checkpointInterval, work);
                }
                if (unshed) {
                    int highest = loads.stream().mapToInt(Integer::intValue).max().orElseThrow();
                    JobOptions off = job.toOptions().toBuilder().shedding(SheddingOptions.OFF).build();
                    new PipelineBenchmark(OUT, off).overload(highest * capacity, seconds, highest + "x", checkpointInterval, work);
                }
            } else if (!skipLive) {
                Path work = Files.createTempDirectory("streamlens-bench");
                Map<String, List<LatencyPlot.Point>> points = new LinkedHashMap<>();
                for (int n : streams) {
                    for (DeliveryGuarantee delivery : liveDelivery) {
                        PipelineBenchmark.Latency l = bench.live(n, seconds, delivery, work);
                        points.computeIfAbsent(delivery.toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .add(new LatencyPlot.Point(n, l.p50Ms(), l.p95Ms()));
                    }
                }
                if (plot != null) {
                    LatencyPlot.write(points, plot);
                }
            }
            return 0;
        }
    }

    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = "Archive speed at scale: minutes of real footage built from the sample media (five files, loops "
                    + "of the sample videos and a narrated slide show) annotated end to end as by annotate; per line the "
                    + "speed, seconds per stage, frames decoded, sampled, analysed and carried over, and FFmpeg's own "
                    + "full and keyframe-only decode rates on the same files.")
    static final class Archive implements Callable<Integer> {
        @Option(names = "--minutes", split = ",", paramLabel = "N,N",
                description = "footage lengths (default: 10,30,60)")
        List<Double> minutes = new ArrayList<>(List.of(10.0, 30.0, 60.0));

        @Option(names = "--work", paramLabel = "DIR", description = "where the footage is written (default: a temporary folder)")
        Path work;

        @Mixin
        JobFlags job;

        @Override
        public Integer call() throws Exception {
            if (SampleMedia.videos().isEmpty()) {
                System.err.println("no sample media: run ./dev/fetch-media first");
                return 2;
            }
            Path folder = work != null ? work : Files.createTempDirectory("streamlens-archive");
            ArchiveBenchmark bench = new ArchiveBenchmark(OUT, job.toArchiveOptions());
            for (double m : minutes) {
                bench.run(m, folder);
            }
            return 0;
        }
    }

    private static JobOptions withoutPerception(JobOptions options) {
        return options.toBuilder().models(options.models().withPerception(EnumSet.noneOf(Perception.class))).build();
    }
}
