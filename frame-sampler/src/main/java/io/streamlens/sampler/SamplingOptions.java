package io.streamlens.sampler;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which frames a job keeps and at what size: everything {@code DecodeAndSample} needs.
 *
 * @param sampler which frames to keep ({@code --sampler})
 * @param frameSize the size sampled frames are resized to ({@code --frame-size})
 * @param decoderThreads FFmpeg threads per decoding subtask
 */
public record SamplingOptions(SamplerSpec sampler, FrameSize frameSize, int decoderThreads) implements Serializable {
    public static final SamplingOptions DEFAULT = new SamplingOptions(SamplerSpec.uniform(1), FrameSize.DEFAULT, 1);

    public SamplingOptions {
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(frameSize, "frameSize");
        if (decoderThreads < 1) {
            throw new IllegalArgumentException("decoder threads must be >= 1, got " + decoderThreads);
        }
    }

    public SamplingOptions withSampler(SamplerSpec value) {
        return new SamplingOptions(value, frameSize, decoderThreads);
    }
}
