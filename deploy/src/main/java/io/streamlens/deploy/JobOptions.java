package io.streamlens.deploy;

import io.streamlens.compression.CompressionChain;
import io.streamlens.inference.Device;
import io.streamlens.captions.Perception;
import io.streamlens.captions.WindowSpec;
import io.streamlens.records.Topics;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Everything the job graph needs to know, validated once; operators receive their part of it.
 *
 * @param sampler which frames to keep ({@code --sampler})
 * @param frameSize the size sampled frames are resized to ({@code --frame-size})
 * @param decoderThreads FFmpeg threads per decoding subtask
 * @param parallelism parallelism of the keyed operators (streams spread over them)
 * @param window caption windows ({@code --window}, {@code --overlap})
 * @param modelPack {@code perception} or a {@code vlm} pack (built-in name or folder)
 * @param compression the token compression chain for {@code vlm} packs ({@code --compress})
 * @param device where the models run ({@code --device})
 * @param delivery exactly-once (Kafka transactions) or at-least-once (lower latency; caption ids
 *     are stable, so consumers can deduplicate)
 * @param boundedInput whether the input ends (demo, annotate): questions then wait for the end
 * @param memoryWindows how many caption windows a stream's question memory keeps
 * @param memoryTtl how long an idle stream's memory is kept
 * @param idleTimeout after this long without segments, a live stream's open windows are captioned
 *     and its window state freed
 * @param perception which detectors run ({@code --perceive})
 */
public record JobOptions(SamplerSpec sampler, FrameSize frameSize, int decoderThreads, int parallelism,
                         WindowSpec window, String modelPack, String compression, String device,
                         DeliveryGuarantee delivery, boolean boundedInput, int memoryWindows, Duration memoryTtl,
                         Duration idleTimeout, long maxSegmentBytes, Set<Perception> perception) implements Serializable {

    public static final long DEFAULT_MAX_SEGMENT_BYTES = 256L * 1024 * 1024;
    public static final String PERCEPTION = "perception";

    public JobOptions {
        if (decoderThreads < 1) {
            throw new IllegalArgumentException("decoder threads must be >= 1, got " + decoderThreads);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        if (memoryWindows < 1) {
            throw new IllegalArgumentException("the question memory must keep at least one window, got " + memoryWindows);
        }
        CompressionChain.parse(compression); // refuses a bad chain now, naming the bad part
        Device.parse(device);
        perception = perception.isEmpty() ? EnumSet.noneOf(Perception.class) : EnumSet.copyOf(perception);
    }

    public static JobOptions defaults() {
        return new JobOptions(SamplerSpec.uniform(1), FrameSize.DEFAULT, 1, 1, WindowSpec.DEFAULT, PERCEPTION,
                "pool:2,temporal:0.9,budget:256", "cpu", DeliveryGuarantee.EXACTLY_ONCE, false,
                10_000, Duration.ofDays(7), Duration.ofMinutes(10), DEFAULT_MAX_SEGMENT_BYTES, Perception.ALL);
    }

    public boolean usesVlm() {
        return !PERCEPTION.equals(modelPack);
    }

    public String segmentsTopic() {
        return Topics.SEGMENTS;
    }

    public String deadLetterTopic() {
        return Topics.DEADLETTER;
    }

    public JobOptions withSampler(SamplerSpec value) {
        return new JobOptions(value, frameSize, decoderThreads, parallelism, window, modelPack, compression, device,
                delivery, boundedInput, memoryWindows, memoryTtl, idleTimeout, maxSegmentBytes, perception);
    }

    public JobOptions withFrameSize(FrameSize value) {
        return new JobOptions(sampler, value, decoderThreads, parallelism, window, modelPack, compression, device,
                delivery, boundedInput, memoryWindows, memoryTtl, idleTimeout, maxSegmentBytes, perception);
    }

    public JobOptions withParallelism(int value) {
        return new JobOptions(sampler, frameSize, decoderThreads, value, window, modelPack, compression, device,
                delivery, boundedInput, memoryWindows, memoryTtl, idleTimeout, maxSegmentBytes, perception);
    }

    public JobOptions withWindow(WindowSpec value) {
        return new JobOptions(sampler, frameSize, decoderThreads, parallelism, value, modelPack, compression, device,
                delivery, boundedInput, memoryWindows, memoryTtl, idleTimeout, maxSegmentBytes, perception);
    }

    public JobOptions withModel(String pack, String chain, String onDevice) {
        return new JobOptions(sampler, frameSize, decoderThreads, parallelism, window, pack, chain, onDevice,
                delivery, boundedInput, memoryWindows, memoryTtl, idleTimeout, maxSegmentBytes, perception);
    }

    public JobOptions withDelivery(DeliveryGuarantee value) {
        return new JobOptions(sampler, frameSize, decoderThreads, parallelism, window, modelPack, compression, device,
                value, boundedInput, memoryWindows, memoryTtl, idleTimeout, maxSegmentBytes, perception);
    }

    public JobOptions withPerception(Set<Perception> value) {
        return new JobOptions(sampler, frameSize, decoderThreads, parallelism, window, modelPack, compression, device,
                delivery, boundedInput, memoryWindows, memoryTtl, idleTimeout, maxSegmentBytes, value);
    }

    public boolean perceives(Perception detector) {
        return perception.contains(detector);
    }

    public JobOptions withBoundedInput(boolean value) {
        return new JobOptions(sampler, frameSize, decoderThreads, parallelism, window, modelPack, compression, device,
                delivery, value, memoryWindows, memoryTtl, idleTimeout, maxSegmentBytes, perception);
    }
}
