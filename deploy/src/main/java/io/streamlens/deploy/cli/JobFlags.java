package io.streamlens.deploy.cli;

import io.streamlens.deploy.JobOptions;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import picocli.CommandLine.Option;

/** The options every command that runs the job shares. */
final class JobFlags {
    @Option(names = "--sampler", defaultValue = "uniform:1", paramLabel = "SPEC",
            description = "uniform:<fps> | scene[:threshold] | keyframes (default: ${DEFAULT-VALUE})")
    String sampler;

    @Option(names = "--frame-size", defaultValue = "640", paramLabel = "PX",
            description = "longest side of sampled frames, in pixels (default: ${DEFAULT-VALUE})")
    int frameSize;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N",
            description = "parallel subtasks for decoding; streams spread over them (default: ${DEFAULT-VALUE})")
    int parallelism;

    JobOptions toOptions() {
        return JobOptions.defaults()
                .withSampler(SamplerSpec.parse(sampler))
                .withFrameSize(new FrameSize(frameSize))
                .withParallelism(parallelism);
    }
}
