package io.streamlens.deploy.cli;

import io.streamlens.captions.Perception;
import io.streamlens.compression.TokenGrid;
import io.streamlens.compression.bench.CompressBenchmark;
import io.streamlens.compression.bench.PatchTokens;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.bench.DecodeBenchmark;
import io.streamlens.deploy.bench.LatencyPlot;
import io.streamlens.deploy.bench.SampledVideo;
import io.streamlens.deploy.bench.SpokenSample;
import io.streamlens.deploy.cluster.FlinkRest;
import io.streamlens.inference.bench.InferenceBenchmark;
import io.streamlens.inference.detect.DetectorBenchmark;
import io.streamlens.inference.speech.ModelCache;
import io.streamlens.inference.speech.SpeechBenchmark;
import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints one JSON object per result line.",
        subcommands = {BenchCommand.Decode.class, BenchCommand.Compress.class, BenchCommand.Inference.class,
                BenchCommand.Pipeline.class})
final class BenchCommand {

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
            DecodeBenchmark bench = new DecodeBenchmark(System.out, repeats);
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

        @Option(names = "--scale", defaultValue = "UNIT", description = "patch pixel scaling: UNIT ([0,1]) or CLIP (CLIP mean/std)")
        PatchTokens.Scale scale;

        @Override
        public Integer call() throws Exception {
            CompressBenchmark bench = new CompressBenchmark(300, 700);
            if (!noSynthetic) {
                bench.runSynthetic(System.out);
            }
            List<Path> files = videos.isEmpty()
                    ? List.of(SampleMedia.file(SampleMedia.COCKATOO), SampleMedia.file(SampleMedia.PHONE_1080P), SampleMedia.file(SampleMedia.HELLO_MP4))
                    : videos;
            for (Path file : files) {
                // Two frames a second at CLIP ViT-L/14-336's input size: a static camera's windows of 8.
                List<TokenGrid> grids = SampledVideo.sample(file.toString(), SamplerSpec.uniform(2), new FrameSize(336)).stream()
                        .map(f -> PatchTokens.fromRgb(f.rgb(), f.width(), f.height(), f.ptsUs(), f.novelty(), 14, scale))
                        .toList();
                bench.runInput("video:" + file.getFileName() + ":" + scale.name().toLowerCase(java.util.Locale.ROOT),
                        CompressBenchmark.windows(grids, CompressBenchmark.FRAMES_PER_WINDOW), CompressBenchmark.CHAINS, System.out);
            }
            return 0;
        }
    }

    @Command(name = "inference", mixinStandardHelpOptions = true,
            description = "Model latency and throughput at batch 1, 4 and 16 through StreamLens' batcher, next to bare "
                    + "OrtSession.run on the same inputs; then the speech recogniser (audio seconds per wall second, one "
                    + "thread) and the face and people detectors (ms per 640x360 frame, one thread). "
                    + "Options: --threads N --device cpu|cuda[:N] --seconds S --batches 1,4,16")
    static final class Inference implements Callable<Integer> {
        /** InferenceBenchmark parses its own options. */
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            InferenceBenchmark.main(args.toArray(String[]::new));
            Optional<short[]> speech = SpokenSample.speak(SpokenSample.PARAGRAPH);
            if (speech.isEmpty()) {
                System.err.println("speech recogniser not measured: espeak-ng, which reads the test paragraph, is not installed");
            } else {
                try (SpeechModel model = SpeechModel.acquire(ModelCache.defaultRoot())) {
                    SpeechBenchmark.run(model, speech.get(), 3).forEach(System.out::println);
                }
            }
            DetectorBenchmark.run(Duration.ofSeconds(3)).forEach(System.out::println);
            return 0;
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

        @Option(names = "--skip-archive", description = "live mode only")
        boolean skipArchive;

        @Option(names = "--skip-live", description = "archive mode only")
        boolean skipLive;

        @Option(names = "--live-delivery", split = ",", description = "live-mode guarantees (default: AT_LEAST_ONCE,EXACTLY_ONCE)")
        List<org.apache.flink.connector.base.DeliveryGuarantee> liveDelivery = new ArrayList<>(List.of(
                org.apache.flink.connector.base.DeliveryGuarantee.AT_LEAST_ONCE, org.apache.flink.connector.base.DeliveryGuarantee.EXACTLY_ONCE));

        @Option(names = "--plot", paramLabel = "PNG", description = "also draw live latency against streams into this PNG")
        Path plot;

        @Option(names = "--perception-off", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "archive mode: also run once with every detector off (--perceive none), for comparison (default: on)")
        boolean perceptionOff;

        @Option(names = "--jobmanager", paramLabel = "H:P",
                description = "archive mode: also run on this Flink cluster (./streamlens cluster start), next to the MiniCluster")
        String jobManager;

        @picocli.CommandLine.Mixin
        JobFlags job;

        @Override
        public Integer call() throws Exception {
            PipelineBenchmark bench = new PipelineBenchmark(System.out, job.toOptions());
            if (!skipArchive) {
                List<Path> files = videos.isEmpty() ? SampleMedia.videos() : videos;
                for (String sampler : samplers) {
                    bench.archive(files, SamplerSpec.parse(sampler));
                    if (jobManager != null) {
                        bench.archiveOnCluster(files, SamplerSpec.parse(sampler), new FlinkRest(jobManager), RunCommand.defaultJobJar());
                    }
                }
                if (perceptionOff) {
                    new PipelineBenchmark(System.out, withoutPerception(job.toOptions())).archive(files, SamplerSpec.parse(samplers.get(0)));
                }
            }
            if (!skipLive) {
                Path work = java.nio.file.Files.createTempDirectory("streamlens-bench");
                java.util.Map<String, List<LatencyPlot.Point>> points = new java.util.LinkedHashMap<>();
                for (int n : streams) {
                    for (var delivery : liveDelivery) {
                        PipelineBenchmark.Latency l = bench.live(n, seconds, delivery, work);
                        points.computeIfAbsent(delivery.toString().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
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

    private static JobOptions withoutPerception(JobOptions options) {
        return options.toBuilder().models(options.models().withPerception(java.util.EnumSet.noneOf(Perception.class))).build();
    }
}
