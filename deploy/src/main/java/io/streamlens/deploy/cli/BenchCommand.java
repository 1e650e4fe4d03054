package io.streamlens.deploy.cli;

import io.streamlens.deploy.bench.DecodeBenchmark;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.sampler.SamplerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints one JSON object per result line.",
        subcommands = {BenchCommand.Decode.class})
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
}
