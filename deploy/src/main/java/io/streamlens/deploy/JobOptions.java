package io.streamlens.deploy;

import io.streamlens.captions.WindowOptions;
import io.streamlens.captions.memory.MemoryOptions;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.analysis.CarryOverOptions;
import io.streamlens.inference.shedding.SheddingOptions;
import io.streamlens.sampler.SamplingOptions;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Everything the job graph needs to know, grouped by concern; each group validates itself and
 * holds its own defaults, and each operator receives its whole group. The CLI's flags take their
 * defaults from here.
 *
 * <pre>{@code
 * JobOptions options = JobOptions.builder()
 *         .models(ModelOptions.DEFAULT.withPack("tiny-color"))
 *         .boundedInput(true)
 *         .build();
 * }</pre>
 *
 * @param parallelism parallelism of the keyed operators (streams spread over them)
 * @param sampling which frames to keep and at what size
 * @param models which models run, and where
 * @param windows caption windows, and when a quiet live stream is let go
 * @param memory what the question memory keeps
 * @param delivery exactly-once (Kafka transactions) or at-least-once (lower latency; caption ids
 *     are stable, so consumers can deduplicate)
 * @param boundedInput whether the input ends (demo, annotate): questions then wait for the end
 * @param maxSegmentBytes the largest segment reassembled from parts
 * @param carryOver when a frame whose picture has not changed carries earlier findings instead of
 *     going to the models
 * @param shedding how a live job gives up models when it runs behind its streams (never for bounded input)
 */
public record JobOptions(int parallelism, SamplingOptions sampling, ModelOptions models, WindowOptions windows,
                         MemoryOptions memory, DeliveryGuarantee delivery, boolean boundedInput, long maxSegmentBytes,
                         CarryOverOptions carryOver, SheddingOptions shedding)
        implements Serializable {

    public static final int DEFAULT_PARALLELISM = 2;
    public static final DeliveryGuarantee DEFAULT_DELIVERY = DeliveryGuarantee.EXACTLY_ONCE;
    public static final long DEFAULT_MAX_SEGMENT_BYTES = 256L * 1024 * 1024;

    public JobOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(carryOver, "carryOver");
        Objects.requireNonNull(shedding, "shedding");
        if (maxSegmentBytes < 1) {
            throw new IllegalArgumentException("the largest segment must be at least one byte, got " + maxSegmentBytes);
        }
    }

    /** The shedding the job applies: none when the input ends, which wants every model however long it takes. */
    public SheddingOptions effectiveShedding() {
        return boundedInput ? SheddingOptions.OFF : shedding;
    }

    public static JobOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().parallelism(parallelism).sampling(sampling).models(models).windows(windows).memory(memory)
                .delivery(delivery).boundedInput(boundedInput).maxSegmentBytes(maxSegmentBytes).carryOver(carryOver)
                .shedding(shedding);
    }

    /** Starts from every group's defaults. */
    public static final class Builder {
        private int parallelism = DEFAULT_PARALLELISM;
        private SamplingOptions sampling = SamplingOptions.DEFAULT;
        private ModelOptions models = ModelOptions.DEFAULT;
        private WindowOptions windows = WindowOptions.DEFAULT;
        private MemoryOptions memory = MemoryOptions.DEFAULT;
        private DeliveryGuarantee delivery = DEFAULT_DELIVERY;
        private boolean boundedInput;
        private long maxSegmentBytes = DEFAULT_MAX_SEGMENT_BYTES;
        private CarryOverOptions carryOver = CarryOverOptions.DEFAULT;
        private SheddingOptions shedding = SheddingOptions.LIVE;

        private Builder() {
        }

        public Builder parallelism(int value) {
            parallelism = value;
            return this;
        }

        public Builder sampling(SamplingOptions value) {
            sampling = value;
            return this;
        }

        public Builder models(ModelOptions value) {
            models = value;
            return this;
        }

        public Builder windows(WindowOptions value) {
            windows = value;
            return this;
        }

        public Builder memory(MemoryOptions value) {
            memory = value;
            return this;
        }

        public Builder delivery(DeliveryGuarantee value) {
            delivery = value;
            return this;
        }

        public Builder boundedInput(boolean value) {
            boundedInput = value;
            return this;
        }

        public Builder maxSegmentBytes(long value) {
            maxSegmentBytes = value;
            return this;
        }

        public Builder carryOver(CarryOverOptions value) {
            carryOver = value;
            return this;
        }

        public Builder shedding(SheddingOptions value) {
            shedding = value;
            return this;
        }

        public JobOptions build() {
            return new JobOptions(parallelism, sampling, models, windows, memory, delivery, boundedInput, maxSegmentBytes,
                    carryOver, shedding);
        }
    }
}
