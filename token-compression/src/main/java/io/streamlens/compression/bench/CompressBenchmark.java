package io.streamlens.compression.bench;

import io.streamlens.compression.Compressed;
import io.streamlens.compression.CompressionChain;
import io.streamlens.compression.Fidelity;
import io.streamlens.compression.TokenGrid;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code streamlens bench compress}: for each input and chain, one JSON line with the reduction, the
 * fidelity ({@link Fidelity}) and the speed, beside the speed of a plain copy of the same floats
 * measured in the same run. Single thread; each measurement is warmed up first and reports the
 * median pass.
 *
 * <pre>{@code
 * CompressBenchmark.run(frames, "city.mpg", System.out);   // synthetic inputs, then the real frames
 * }</pre>
 */
public final class CompressBenchmark {

    /** The chains every input is measured with. */
    public static final List<String> CHAINS = List.of(
            "pool:2", "pool:2:max", "shuffle:2", "temporal:0.9", "pool:2,temporal:0.9",
            "merge:128", "merge:128:exact", "budget:256", "pool:2,temporal:0.9,budget:256");

    /** Frames compressed together, as a 4 s window sampled at 2 fps would hold. */
    public static final int FRAMES_PER_WINDOW = 8;

    private final long warmupNanos;
    private final long measureNanos;

    /**
     * @param warmupMillis time each measurement runs untimed first, so the JIT has compiled it
     * @param measureMillis time each measurement is timed for (at least three passes)
     */
    public CompressBenchmark(long warmupMillis, long measureMillis) {
        this.warmupNanos = warmupMillis * 1_000_000;
        this.measureNanos = measureMillis * 1_000_000;
    }

    /** Runs the synthetic inputs, then, unless {@code realFrames} is empty, the real ones. */
    public static void run(List<TokenGrid> realFrames, String realLabel, PrintStream out) {
        CompressBenchmark bench = new CompressBenchmark(300, 700);
        bench.runSynthetic(out);
        if (!realFrames.isEmpty()) {
            bench.runInput(realLabel, windows(realFrames, FRAMES_PER_WINDOW), CHAINS, out);
        }
    }

    /**
     * ViT-input patch tokens of one RGB frame, CLIP-normalised, for {@link #run}: with {@code patch}
     * 14, a 336×336 frame becomes CLIP ViT-L/14-336's 24×24 grid of 588-wide tokens. See
     * {@link PatchTokens} for the [0, 1] scaling.
     */
    public static TokenGrid patchTokens(byte[] rgb, int width, int height, long ptsUs, double novelty, int patch) {
        return PatchTokens.fromRgb(rgb, width, height, ptsUs, novelty, patch);
    }

    /**
     * The synthetic part alone:
     * {@code java -cp token-compression/target/classes io.streamlens.compression.bench.CompressBenchmark}.
     */
    public static void main(String[] args) {
        new CompressBenchmark(300, 700).runSynthetic(System.out);
    }

    /** SigLIP-so400m-sized (27×27×1152) and CLIP ViT-L/14-336-sized (24×24×1024) static-camera windows. */
    public void runSynthetic(PrintStream out) {
        runInput("synthetic-siglip-27x27x1152",
                List.of(SyntheticGrids.staticCamera(27, 27, 1152, FRAMES_PER_WINDOW, 27)), CHAINS, out);
        runInput("synthetic-clip-24x24x1024",
                List.of(SyntheticGrids.staticCamera(24, 24, 1024, FRAMES_PER_WINDOW, 24)), CHAINS, out);
    }

    /** Measures every chain on the windows of one input, printing one JSON line per chain. */
    public void runInput(String label, List<List<TokenGrid>> windows, List<String> chains, PrintStream out) {
        float[][] copies = windows.stream().flatMap(List::stream)
                .map(grid -> new float[grid.values().length]).toArray(float[][]::new);
        for (String spec : chains) {
            // Measured again beside each chain, so the two see similar load on a shared machine; on
            // its own, so the copy runs warm: the strict yardstick.
            double copyNanos = medianNanos(() -> copy(windows, copies));
            out.println(measure(label, windows, CompressionChain.parse(spec), copyNanos).toJson());
            out.flush();
        }
    }

    /** Consecutive windows of {@code size} frames; the last may be shorter. */
    public static List<List<TokenGrid>> windows(List<TokenGrid> frames, int size) {
        List<List<TokenGrid>> windows = new ArrayList<>();
        for (int from = 0; from < frames.size(); from += size) {
            windows.add(List.copyOf(frames.subList(from, Math.min(frames.size(), from + size))));
        }
        return windows;
    }

    BenchResult measure(String label, List<List<TokenGrid>> windows, CompressionChain chain, double copyNanos) {
        List<float[]> cosines = new ArrayList<>();
        long tokensIn = 0;
        long tokensOut = 0;
        int frames = 0;
        for (List<TokenGrid> window : windows) {
            Compressed compressed = chain.run(window);
            cosines.add(Fidelity.cosines(window, compressed));
            tokensIn += compressed.rawTokens();
            tokensOut += compressed.keptTokens();
            frames += window.size();
        }
        Fidelity fidelity = Fidelity.of(concat(cosines));
        double nanos = medianNanos(() -> {
            long kept = 0;
            for (List<TokenGrid> window : windows) {
                kept += chain.run(window).keptTokens();
            }
            return kept;
        });
        int framesPerWindow = windows.stream().mapToInt(List::size).max().orElse(0);
        return new BenchResult(label, chain.toString(), windows.get(0).get(0).dim(), frames, framesPerWindow,
                tokensIn, tokensOut, fidelity.meanCosine(), fidelity.p5Cosine(),
                tokensIn / (nanos / 1e9), tokensIn / (copyNanos / 1e9), nanos / 1e6 / frames);
    }

    /**
     * A plain copy of every float of the input into buffers allocated beforehand: the memory-bandwidth
     * yardstick for the operations, which allocate their outputs inside the timed pass.
     */
    private static long copy(List<List<TokenGrid>> windows, float[][] copies) {
        long checksum = 0;
        int i = 0;
        for (List<TokenGrid> window : windows) {
            for (TokenGrid grid : window) {
                float[] copy = copies[i++];
                System.arraycopy(grid.values(), 0, copy, 0, copy.length);
                checksum += Float.floatToRawIntBits(copy[copy.length - 1]);
            }
        }
        return checksum;
    }

    /**
     * Median time of one pass, after warming up. The passes' results are summed into a value that
     * is checked, so the JIT cannot drop the work.
     */
    private double medianNanos(Pass pass) {
        long sink = 0;
        long warmupEnd = System.nanoTime() + warmupNanos;
        do {
            sink += pass.run();
        } while (System.nanoTime() < warmupEnd);
        List<Long> times = new ArrayList<>();
        long measureEnd = System.nanoTime() + measureNanos;
        do {
            long start = System.nanoTime();
            sink += pass.run();
            times.add(System.nanoTime() - start);
        } while (System.nanoTime() < measureEnd || times.size() < 3);
        if (sink == Long.MIN_VALUE) {
            throw new AssertionError("unreachable; reading sink keeps the passes alive");
        }
        return median(times);
    }

    private static double median(List<Long> times) {
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] all = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @FunctionalInterface
    private interface Pass {
        long run();
    }

    /** One line of benchmark output. */
    record BenchResult(String input, String chain, int dim, int frames, int framesPerWindow,
                       long tokensIn, long tokensOut, double meanCosine, double p5Cosine,
                       double tokensPerSecond, double copyTokensPerSecond, double msPerFrame) {

        double reduction() {
            return tokensIn == 0 ? 0 : 1 - (double) tokensOut / tokensIn;
        }

        String toJson() {
            return String.format(Locale.ROOT,
                    "{\"input\":\"%s\",\"chain\":\"%s\",\"dim\":%d,\"frames\":%d,\"framesPerWindow\":%d,"
                            + "\"tokensIn\":%d,\"tokensOut\":%d,\"reduction\":%.4f,\"meanCosine\":%.4f,"
                            + "\"p5Cosine\":%.4f,\"tokensPerSecond\":%.0f,\"copyTokensPerSecond\":%.0f,"
                            + "\"msPerFrame\":%.3f}",
                    escape(input), escape(chain), dim, frames, framesPerWindow,
                    tokensIn, tokensOut, reduction(), meanCosine, p5Cosine, tokensPerSecond, copyTokensPerSecond,
                    msPerFrame);
        }

        private static String escape(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }
}
