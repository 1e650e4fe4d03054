package io.streamlens.inference.runtime;

import ai.onnxruntime.OrtException;
import io.streamlens.inference.BatchOptions;
import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.streamlens.records.StageClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers requests from every caller in the JVM into batched model calls and hands each caller
 * its own result.
 *
 * <pre>{@code
 * Batcher<float[], float[]> batcher = new Batcher<>("vision", options, items -> model.runBatch(items));
 * CompletableFuture<float[]> mine = batcher.submit(preparedInput);
 * }</pre>
 *
 * <p>One thread takes the first waiting item, waits at most {@link BatchOptions#maxWait()} from
 * that item's arrival for up to {@link BatchOptions#maxBatchSize()} items, and makes one call.
 * Items that queued while a call ran go out in the next call without further waiting, so under
 * load batches fill by themselves and a lone stream pays at most {@code maxWait}.
 *
 * <p>Failures stay with their item: callers validate and prepare their item before submitting
 * (so bad input fails in the caller's thread); if a batched call still throws, each item is
 * retried alone and only the ones that fail again fail.
 *
 * <p>A full queue does not block: {@link #submit} returns a future already failed with
 * {@code overloaded}. Blocking would stall a Flink task's mailbox thread, and with it checkpoints;
 * Flink's async operator already bounds in-flight requests per subtask, which is the real
 * backpressure, so a queue sized at or above slots × async capacity never fills.
 *
 * <p>Futures complete on the batcher's thread: keep their callbacks short (Flink's
 * {@code ResultFuture.complete} is).
 */
public final class Batcher<I, O> implements AutoCloseable {

    /** The batched call: one output per input, in input order. */
    @FunctionalInterface
    public interface BatchFunction<I, O> {
        List<O> apply(List<I> items) throws Exception;
    }

    /** Counts since the batcher started. */
    public record Stats(long calls, long items, long singleRetries) {
        public double meanBatchSize() {
            return calls == 0 ? 0 : (double) items / calls;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);

    private record Pending<I, O>(I item, long arrivedNanos, CompletableFuture<O> result) {
    }

    private final String name;
    private final BatchOptions options;
    private final BatchFunction<I, O> function;
    private final BlockingQueue<Pending<I, O>> queue;
    private final Thread worker;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong singleRetries = new AtomicLong();
    private volatile boolean closed;

    public Batcher(String name, BatchOptions options, BatchFunction<I, O> function) {
        this.name = Objects.requireNonNull(name, "name");
        this.options = Objects.requireNonNull(options, "options");
        this.function = Objects.requireNonNull(function, "function");
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.worker = new Thread(this::work, "streamlens-batcher-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues an item for the next batch. Never blocks; the future fails with {@code overloaded}
     * when the queue is full and with {@code closed} once the batcher is closed.
     */
    public CompletableFuture<O> submit(I item) {
        Objects.requireNonNull(item, "item");
        CompletableFuture<O> result = new CompletableFuture<>();
        if (closed) {
            return failed(result, new InferenceException(FailureReason.CLOSED, "batcher " + name + " is closed"));
        }
        Pending<I, O> pending = new Pending<>(item, System.nanoTime(), result);
        if (!queue.offer(pending)) {
            return failed(result, new InferenceException(FailureReason.OVERLOADED,
                    "batcher " + name + " has " + options.queueCapacity() + " requests waiting"));
        }
        // close() may have drained the queue between the check above and the offer.
        if (closed && queue.remove(pending)) {
            failed(result, new InferenceException(FailureReason.CLOSED, "batcher " + name + " is closed"));
        }
        return result;
    }

    public Stats stats() {
        return new Stats(calls.get(), items.get(), singleRetries.get());
    }

    public BatchOptions options() {
        return options;
    }

    /** Stops the thread after its current call; requests still waiting fail with {@code closed}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending<I, O>> left = new ArrayList<>();
        queue.drainTo(left);
        failAll(left, new InferenceException(FailureReason.CLOSED, "batcher " + name + " closed before the call"));
    }

    private void work() {
        List<Pending<I, O>> batch = new ArrayList<>(options.maxBatchSize());
        try {
            while (!closed) {
                batch.add(queue.take());
                long deadline = batch.get(0).arrivedNanos() + options.maxWait().toNanos();
                while (batch.size() < options.maxBatchSize()) {
                    long remaining = deadline - System.nanoTime();
                    Pending<I, O> next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                execute(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            // close() interrupts a thread waiting for work; items it had taken are failed below
            failAll(batch, new InferenceException(FailureReason.CLOSED, "batcher " + name + " closed before the call"));
        } catch (Error e) {
            // Nothing would serve the queue any more: fail what is waiting instead of leaving it hanging.
            closed = true;
            InferenceException failure = new InferenceException(FailureReason.MODEL_FAILURE, "batcher " + name + " died: " + e, e);
            failAll(batch, failure);
            List<Pending<I, O>> left = new ArrayList<>();
            queue.drainTo(left);
            failAll(left, failure);
            throw e;
        }
    }

    private void failAll(List<Pending<I, O>> pending, InferenceException failure) {
        for (Pending<I, O> p : pending) {
            p.result().completeExceptionally(failure);
        }
    }

    private void execute(List<Pending<I, O>> batch) {
        List<I> inputs = new ArrayList<>(batch.size());
        for (Pending<I, O> p : batch) {
            inputs.add(p.item());
        }
        calls.incrementAndGet();
        items.addAndGet(batch.size());
        try {
            List<O> outputs = call(inputs);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outputs.get(i));
            }
        } catch (Exception e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(asInferenceFailure(e));
                return;
            }
            LOG.debug("Batched call of {} to {} failed, retrying each item alone", batch.size(), name, e);
            for (Pending<I, O> p : batch) {
                singleRetries.incrementAndGet();
                try {
                    p.result().complete(call(List.of(p.item())).get(0));
                } catch (Exception single) {
                    p.result().completeExceptionally(asInferenceFailure(single));
                }
            }
        }
    }

    private List<O> call(List<I> inputs) throws Exception {
        long started = StageClock.start();
        List<O> outputs;
        try {
            outputs = function.apply(inputs);
        } finally {
            StageClock.stop("model " + name, started);
        }
        if (outputs == null || outputs.size() != inputs.size()) {
            throw new IllegalStateException("batch function of " + name + " returned "
                    + (outputs == null ? "null" : outputs.size() + " results") + " for " + inputs.size() + " items");
        }
        return outputs;
    }

    private static InferenceException asInferenceFailure(Exception e) {
        if (e instanceof InferenceException ie) {
            return ie;
        }
        String detail = e instanceof OrtException ? "ONNX Runtime: " + e.getMessage() : e.toString();
        return new InferenceException(FailureReason.MODEL_FAILURE, detail, e);
    }

    private static <O> CompletableFuture<O> failed(CompletableFuture<O> f, InferenceException e) {
        f.completeExceptionally(e);
        return f;
    }
}
