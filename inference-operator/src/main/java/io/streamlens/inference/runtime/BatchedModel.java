package io.streamlens.inference.runtime;

import ai.onnxruntime.OrtException;
import io.streamlens.inference.BatchOptions;
import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One model of a pack, callable three ways: for one input or a list of them in the caller's
 * thread, or asynchronously, batched with every other caller's inputs in the JVM. Inputs are
 * prepared (resized, tokenised) in the caller's thread, so a bad input fails its own call only.
 * The batcher starts on first use.
 *
 * @param <I> what callers pass (a frame, a text)
 * @param <P> the prepared input the model takes
 * @param <O> one result per input
 */
public final class BatchedModel<I, P, O> implements AutoCloseable {

    /** The model call: one output per prepared input, in order. */
    @FunctionalInterface
    public interface Run<P, O> {
        List<O> apply(List<P> prepared) throws OrtException;
    }

    private final String name;
    private final String what;
    private final BatchOptions options;
    private final Function<I, P> prepare;
    private final Run<P, O> run;
    private Batcher<P, O> batcher;
    private boolean closed;

    /**
     * @param name the batcher's name (its thread is named after it)
     * @param what how failures name the model ("embedding", "vision encoder")
     */
    public BatchedModel(String name, String what, BatchOptions options, Function<I, P> prepare, Run<P, O> run) {
        this.name = name;
        this.what = what;
        this.options = options;
        this.prepare = prepare;
        this.run = run;
    }

    /** One input, in the caller's thread. */
    public O run(I input) {
        return runAll(List.of(input)).get(0);
    }

    /** Several inputs in one model call, in the caller's thread. */
    public List<O> runAll(List<I> inputs) {
        List<P> prepared = inputs.stream().map(prepare).toList();
        try {
            return run.apply(prepared);
        } catch (OrtException e) {
            throw new InferenceException(FailureReason.MODEL_FAILURE, what + ": " + e.getMessage(), e);
        }
    }

    /** One input batched with other callers'; a bad input fails this future only. */
    public CompletableFuture<O> submit(I input) {
        P prepared;
        try {
            prepared = prepare.apply(input);
        } catch (InferenceException e) {
            return CompletableFuture.failedFuture(e);
        }
        return batcher().submit(prepared);
    }

    public Batcher.Stats stats() {
        return batcher().stats();
    }

    private synchronized Batcher<P, O> batcher() {
        if (batcher == null) {
            batcher = new Batcher<>(name, options, run::apply);
        }
        return batcher;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (batcher != null) {
            batcher.close();
        }
    }
}
