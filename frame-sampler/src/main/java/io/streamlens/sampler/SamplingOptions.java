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
    /**
     * Archive mode ({@code annotate}): keyframes only, at most one a second. Decoding only
     * keyframes is what makes an archive run faster than FFmpeg's own full decode (see
     * docs/benchmarks.md, {@code bench archive}); a file's keyframes are seldom more than a few
     * seconds apart, so every caption window still gets its frames.
     */
    public static final SamplingOptions ARCHIVE = new SamplingOptions(SamplerSpec.keyframes(1), FrameSize.DEFAULT, 1);

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
