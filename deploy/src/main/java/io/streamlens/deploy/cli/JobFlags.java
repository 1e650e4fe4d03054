package io.streamlens.deploy.cli;

import io.streamlens.deploy.JobOptions;
import io.streamlens.captions.Perception;
import io.streamlens.captions.WindowSpec;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import org.apache.flink.connector.base.DeliveryGuarantee;
import picocli.CommandLine.Option;

/** The options every command that runs the job shares. */
final class JobFlags {
    enum Delivery { EXACTLY_ONCE, AT_LEAST_ONCE }

    @Option(names = "--sampler", defaultValue = "uniform:1", paramLabel = "SPEC",
            description = "uniform:<fps> | scene[:threshold] | keyframes (default: ${DEFAULT-VALUE})")
    String sampler;

    @Option(names = "--frame-size", defaultValue = "640", paramLabel = "PX",
            description = "longest side of sampled frames, in pixels (default: ${DEFAULT-VALUE})")
    int frameSize;

    @Option(names = "--window", defaultValue = "4s", description = "caption window length (default: ${DEFAULT-VALUE})")
    String window;

    @Option(names = "--overlap", defaultValue = "1s", description = "overlap of consecutive windows (default: ${DEFAULT-VALUE})")
    String overlap;

    @Option(names = "--model-pack", defaultValue = "perception", paramLabel = "NAME|DIR",
            description = "perception (default), tiny-color, or a vlm pack folder")
    String modelPack;

    @Option(names = "--compress", defaultValue = "pool:2,temporal:0.9,budget:256", paramLabel = "CHAIN",
            description = "visual token compression for vlm packs (default: ${DEFAULT-VALUE})")
    String compress;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu | cuda[:N] (default: ${DEFAULT-VALUE}); falls back to CPU with a warning")
    String device;

    @Option(names = "--delivery", defaultValue = "EXACTLY_ONCE",
            description = "exactly_once (Kafka transactions) or at_least_once (lower latency; dedupe by captionId)")
    Delivery delivery;

    @Option(names = "--perceive", defaultValue = "all", paramLabel = "LIST",
            description = "detectors to run: all (default), none, or a list of text, speech, people; colours and motion are always on")
    String perceive;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N",
            description = "parallel subtasks; streams spread over them (default: ${DEFAULT-VALUE})")
    int parallelism;

    JobOptions toOptions() {
        return JobOptions.defaults()
                .withSampler(SamplerSpec.parse(sampler))
                .withFrameSize(new FrameSize(frameSize))
                .withWindow(WindowSpec.parse(window, overlap))
                .withModel(modelPack, compress, device)
                .withDelivery(delivery == Delivery.AT_LEAST_ONCE ? DeliveryGuarantee.AT_LEAST_ONCE : DeliveryGuarantee.EXACTLY_ONCE)
                .withParallelism(parallelism)
                .withPerception(Perception.parse(perceive));
    }
}
