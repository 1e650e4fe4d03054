package io.streamlens.deploy;

import io.streamlens.records.Topics;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;

/**
 * Everything the job graph needs to know, validated once; operators receive their part of it.
 *
 * @param sampler which frames to keep ({@code --sampler})
 * @param frameSize the size sampled frames are resized to ({@code --frame-size})
 * @param decoderThreads FFmpeg threads per decoding subtask
 * @param parallelism parallelism of the keyed operators (streams spread over them)
 * @param segmentsTopic where segments are read from
 * @param deadLetterTopic where unusable input is reported
 * @param maxSegmentBytes a reassembled segment larger than this is refused as too large
 */
public record JobOptions(SamplerSpec sampler, FrameSize frameSize, int decoderThreads, int parallelism,
                         String segmentsTopic, String deadLetterTopic, long maxSegmentBytes) {

    public static final long DEFAULT_MAX_SEGMENT_BYTES = 256L * 1024 * 1024;

    public JobOptions {
        if (decoderThreads < 1) {
            throw new IllegalArgumentException("decoder threads must be >= 1, got " + decoderThreads);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
    }

    public static JobOptions defaults() {
        return new JobOptions(SamplerSpec.uniform(1), FrameSize.DEFAULT, 1, 1,
                Topics.SEGMENTS, Topics.DEADLETTER, DEFAULT_MAX_SEGMENT_BYTES);
    }

    public JobOptions withSampler(SamplerSpec value) {
        return new JobOptions(value, frameSize, decoderThreads, parallelism, segmentsTopic, deadLetterTopic, maxSegmentBytes);
    }

    public JobOptions withFrameSize(FrameSize value) {
        return new JobOptions(sampler, value, decoderThreads, parallelism, segmentsTopic, deadLetterTopic, maxSegmentBytes);
    }

    public JobOptions withParallelism(int value) {
        return new JobOptions(sampler, frameSize, decoderThreads, value, segmentsTopic, deadLetterTopic, maxSegmentBytes);
    }
}
