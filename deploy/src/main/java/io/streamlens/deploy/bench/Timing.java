package io.streamlens.deploy.bench;

import java.util.List;

/** The benchmarks' one way to time a call and summarise the rounds: the median, which a preempted round does not move. */
final class Timing {

    /** A measured piece of work. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private Timing() {
    }

    /** Wall milliseconds of one run of {@code work}. */
    static double millis(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** CPU time of every thread of this process so far, in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The median of {@code values}: the middle one, or the mean of the two middle ones. */
    static double median(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
