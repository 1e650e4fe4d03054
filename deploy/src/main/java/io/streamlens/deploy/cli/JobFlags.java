package io.streamlens.deploy.cli;

import io.streamlens.captions.Perception;
import io.streamlens.captions.WindowOptions;
import io.streamlens.captions.WindowSpec;
import io.streamlens.deploy.JobOptions;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.analysis.CarryOverOptions;
import io.streamlens.inference.shedding.SheddingOptions;
import io.streamlens.records.Durations;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import io.streamlens.sampler.SamplingOptions;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import picocli.CommandLine.Option;

/**
 * The options every command that runs the job shares. Each flag starts at its option group's own
 * default ({@link JobOptions} and its groups), so a default is written in one place only.
 * Public so that {@code bench pipeline} ({@code deploy.bench}) takes the same flags.
 */
public final class JobFlags {
    enum Delivery { EXACTLY_ONCE, AT_LEAST_ONCE }

    @Option(names = "--sampler", paramLabel = "SPEC",
            description = "uniform:<fps> | scene[:threshold] | keyframes[:<fps>] (default: uniform:1 live, keyframes:1 in archive mode)")
    String sampler;

    @Option(names = "--frame-size", paramLabel = "PX",
            description = "longest side of sampled frames, in pixels (default: ${DEFAULT-VALUE})")
    int frameSize = SamplingOptions.DEFAULT.frameSize().maxSide();

    @Option(names = "--window", description = "caption window length (default: ${DEFAULT-VALUE})")
    String window = Durations.format(Duration.ofNanos(WindowOptions.DEFAULT.spec().windowUs() * 1000));

    @Option(names = "--overlap", description = "overlap of consecutive windows (default: ${DEFAULT-VALUE})")
    String overlap = Durations.format(Duration.ofNanos(WindowOptions.DEFAULT.spec().overlapUs() * 1000));

    @Option(names = "--model-pack", paramLabel = "NAME|DIR",
            description = "perception (default), tiny-color, or a vlm pack folder")
    String modelPack = ModelOptions.DEFAULT.pack();

    @Option(names = "--compress", paramLabel = "CHAIN",
            description = "visual token compression for vlm packs (default: ${DEFAULT-VALUE})")
    String compress = ModelOptions.DEFAULT.compression();

    @Option(names = "--device", description = "cpu | cuda[:N] (default: ${DEFAULT-VALUE}); falls back to CPU with a warning")
    String device = ModelOptions.DEFAULT.device();

    @Option(names = "--delivery",
            description = "exactly_once (Kafka transactions) or at_least_once (lower latency; dedupe by captionId)")
    Delivery delivery = Delivery.valueOf(JobOptions.DEFAULT_DELIVERY.name());

    @Option(names = "--perceive", paramLabel = "LIST",
            description = "detectors to run: all (default), none, or a list of text, speech, people; colours and motion are always on")
    String perceive = Perception.format(ModelOptions.DEFAULT.perception());

    @Option(names = "--parallelism", paramLabel = "N",
            description = "parallel subtasks; streams spread over them (default: ${DEFAULT-VALUE})")
    int parallelism = JobOptions.DEFAULT_PARALLELISM;

    @Option(names = "--carry-over", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "a frame whose picture has not changed since the stream's last analysed frame carries that "
                    + "frame's findings instead of going to the detectors; the caption evidence lists such frames "
                    + "(default: on; --no-carry-over looks at every sampled frame)")
    boolean carryOver = CarryOverOptions.DEFAULT.enabled();

    @Option(names = "--latency-target", paramLabel = "SECONDS",
            description = "live jobs: when analysis finishes more than this long after a segment arrived, give up models "
                    + "(posture and expressions first, then objects and faces, then most text), fairly across streams, "
                    + "until it is back under half of it; captions say what was left out (default: ${DEFAULT-VALUE}; 0: never)")
    double latencyTarget = SheddingOptions.LIVE.targetMs() / 1000.0;

    /** The options of a live job ({@code run}, {@code demo}, the cluster). */
    public JobOptions toOptions() {
        return toOptions(SamplingOptions.DEFAULT);
    }

    /** The options of an archive run ({@code annotate}, {@code bench archive}): its own sampler unless one is given. */
    public JobOptions toArchiveOptions() {
        return toOptions(SamplingOptions.ARCHIVE);
    }

    private JobOptions toOptions(SamplingOptions defaults) {
        return JobOptions.builder()
                .sampling(new SamplingOptions(sampler == null ? defaults.sampler() : SamplerSpec.parse(sampler),
                        new FrameSize(frameSize), defaults.decoderThreads()))
                .windows(WindowOptions.DEFAULT.withSpec(WindowSpec.parse(window, overlap)))
                .models(new ModelOptions(modelPack, compress, device, Perception.parse(perceive)))
                .delivery(delivery == Delivery.AT_LEAST_ONCE ? DeliveryGuarantee.AT_LEAST_ONCE : DeliveryGuarantee.EXACTLY_ONCE)
                .parallelism(parallelism)
                .carryOver(carryOver ? CarryOverOptions.DEFAULT : CarryOverOptions.OFF)
                .shedding(SheddingOptions.targetSeconds(latencyTarget))
                .build();
    }
}
