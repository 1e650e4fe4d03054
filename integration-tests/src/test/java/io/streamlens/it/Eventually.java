package io.streamlens.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking that what should produce it is still alive. */
final class Eventually {
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Eventually() {
    }

    static void waitFor(String what, Duration deadline, BooleanSupplier stillRunning, Condition condition) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.holds()) {
            if (!stillRunning.getAsBoolean()) {
                throw new AssertionError("what should produce " + what + " stopped first");
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting for " + what + " after " + deadline.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
