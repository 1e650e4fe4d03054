package io.streamlens.inference.analysis;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where a {@link FrameAnalyser} reports how long each model took with a frame: from the request
 * (its preparation in the caller's thread included) to the answer, queueing for a batch included,
 * since that is what a frame waits. Called on whichever thread completes the model's future.
 */
@FunctionalInterface
public interface ModelTimings {
    ModelTimings NONE = (model, nanos) -> {
    };

    /** @param model a short fixed name ({@code text}, {@code objects}, {@code faces}, {@code vision-encoder}) */
    void record(String model, long nanos);

    /** Calls the model and reports the time to its answer, a failed answer included. */
    default <T> CompletableFuture<T> time(String model, Supplier<CompletableFuture<T>> call) {
        long start = System.nanoTime();
        return call.get().whenComplete((answer, error) -> record(model, System.nanoTime() - start));
    }
}
