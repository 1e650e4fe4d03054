package io.streamlens.inference.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.inference.BatchOptions;
import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BatcherTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final BatchOptions OPTIONS = new BatchOptions(8, Duration.ofMillis(2), 4096);

    @Test
    void returnsEachResultToItsOwnCallerUnderConcurrency() throws Exception {
        int threads = 6;
        int perThread = 300;
        CountDownLatch allSubmitted = new CountDownLatch(threads);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        try (Batcher<Integer, String> batcher = new Batcher<>("echo", OPTIONS, items -> {
            // Holding the first call until every caller has submitted makes the queue fill up, so the
            // batches that follow are full whatever the scheduling.
            assertThat(allSubmitted.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            batchSizes.add(items.size());
            return items.stream().map(i -> "item-" + i).toList();
        })) {
            ExecutorService callers = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    results.add(callers.submit(() -> {
                        List<CompletableFuture<String>> mine = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            mine.add(batcher.submit(thread * 1000 + i));
                        }
                        allSubmitted.countDown();
                        List<String> values = new ArrayList<>();
                        for (CompletableFuture<String> f : mine) {
                            values.add(f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
                        }
                        return values;
                    }));
                }
                for (int t = 0; t < threads; t++) {
                    List<String> values = results.get(t).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    for (int i = 0; i < perThread; i++) {
                        assertThat(values.get(i)).isEqualTo("item-" + (t * 1000 + i));
                    }
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads * perThread);
            assertThat(batchSizes).isNotEmpty().allSatisfy(size -> assertThat(size).isBetween(1, 8));
            assertThat(batchSizes.subList(1, batchSizes.size() - 1)).allSatisfy(size -> assertThat(size).isEqualTo(8));
        }
    }

    @Test
    void failsOnlyTheBadItemWhenItsBatchFails() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (Batcher<Integer, Integer> batcher = new Batcher<>("picky", OPTIONS, items -> {
            gate.await();
            if (items.contains(13)) {
                throw new IllegalArgumentException("13 is unlucky");
            }
            return items.stream().map(i -> i * 2).toList();
        })) {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 10; i < 16; i++) {
                futures.add(batcher.submit(i));
            }
            gate.countDown();

            for (int i = 10; i < 16; i++) {
                CompletableFuture<Integer> f = futures.get(i - 10);
                if (i == 13) {
                    assertThatThrownBy(() -> f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(InferenceException.class)
                            .hasMessageContaining("model-failure", "13 is unlucky");
                } else {
                    assertThat(f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(i * 2);
                }
            }
            assertThat(batcher.stats().singleRetries()).isPositive();
        }
    }

    @Test
    void sendsALoneItemWithoutWaitingForAFullBatch() throws Exception {
        BatchOptions patient = new BatchOptions(64, Duration.ofMillis(20), 64);
        try (Batcher<String, String> batcher = new Batcher<>("lone", patient, items -> items)) {
            assertThat(batcher.submit("alone").get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("alone");
            assertThat(batcher.stats().calls()).isEqualTo(1);
        }
    }

    @Test
    void refusesAtOnceWhenTheQueueIsFull() throws Exception {
        CountDownLatch callStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchOptions small = new BatchOptions(1, Duration.ZERO, 2);
        try (Batcher<Integer, Integer> batcher = new Batcher<>("slow", small, items -> {
            callStarted.countDown();
            release.await();
            return items;
        })) {
            CompletableFuture<Integer> running = batcher.submit(1);
            assertThat(callStarted.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> queued1 = batcher.submit(2);
            CompletableFuture<Integer> queued2 = batcher.submit(3);

            CompletableFuture<Integer> refused = batcher.submit(4);

            assertThat(refused).isCompletedExceptionally();
            assertThat(InferenceException.reasonOf(refused.handle((v, e) -> e).join())).isEqualTo(FailureReason.OVERLOADED);
            release.countDown();
            assertThat(List.of(running.get(30, TimeUnit.SECONDS), queued1.get(30, TimeUnit.SECONDS),
                    queued2.get(30, TimeUnit.SECONDS))).containsExactly(1, 2, 3);
        }
    }

    @Test
    void finishesTheRunningCallAndFailsWaitingItemsWhenClosed() throws Exception {
        CountDownLatch callStarted = new CountDownLatch(1);
        Semaphore release = new Semaphore(0);
        Batcher<Integer, Integer> batcher = new Batcher<>("closing", new BatchOptions(1, Duration.ZERO, 8), items -> {
            callStarted.countDown();
            release.acquireUninterruptibly(); // a model call does not stop for interrupts either
            return items;
        });
        CompletableFuture<Integer> running = batcher.submit(1);
        assertThat(callStarted.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> waiting = batcher.submit(2);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(batcher::close);
        awaitCondition(() -> refusedAsClosed(batcher.submit(3)));
        release.release();
        closing.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(running.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(InferenceException.reasonOf(waiting.handle((v, e) -> e).join())).isEqualTo(FailureReason.CLOSED);
    }

    /** Submits made before the close get queued (and failed later); this one was refused at once. */
    private static boolean refusedAsClosed(CompletableFuture<Integer> f) {
        return f.isCompletedExceptionally() && InferenceException.reasonOf(f.handle((v, e) -> e).join()) == FailureReason.CLOSED;
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + DEADLINE);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void failsItemsWhenTheFunctionReturnsTheWrongNumberOfResults() {
        try (Batcher<Integer, Integer> batcher = new Batcher<>("short", OPTIONS, items -> List.of())) {
            CompletableFuture<Integer> f = batcher.submit(1);

            assertThatThrownBy(() -> f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                    .hasMessageContaining("returned 0 results for 1 items");
        }
    }
}
