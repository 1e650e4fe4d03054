package io.streamlens.inference;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a model pack's sessions are opened. Equal options share sessions: {@code SharedSessions}
 * keys its cache by pack and options.
 *
 * @param device where to run; CUDA falls back to the CPU with a warning when unavailable
 * @param intraOpThreads ONNX Runtime threads per call. On the CPU, the JVM's task slots already run
 *     calls in parallel, so more threads than cores per slot only contend: the OCR models ran
 *     faster with one thread than with two on a 2-core host.
 * @param batching how requests from all streams are gathered into one call
 */
public record RuntimeOptions(Device device, int intraOpThreads, BatchOptions batching) implements Serializable {

    public RuntimeOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(batching, "batching");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
    }

    /** CPU, one slot per JVM: all cores for each call. */
    public static RuntimeOptions defaults() {
        return forSlots(Device.CPU, 1);
    }

    /** Threads per call = cores / task slots sharing this JVM, at least one. */
    public static RuntimeOptions forSlots(Device device, int slotsPerJvm) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new RuntimeOptions(device, Math.max(1, cores / Math.max(1, slotsPerJvm)), BatchOptions.DEFAULTS);
    }

    public RuntimeOptions withDevice(Device d) {
        return new RuntimeOptions(d, intraOpThreads, batching);
    }

    public RuntimeOptions withIntraOpThreads(int threads) {
        return new RuntimeOptions(device, threads, batching);
    }

    public RuntimeOptions withBatching(BatchOptions b) {
        return new RuntimeOptions(device, intraOpThreads, b);
    }
}
