package io.streamlens.deploy.bench;

import io.streamlens.compression.Compressed;
import io.streamlens.compression.CompressionChain;
import io.streamlens.compression.Fidelity;
import io.streamlens.compression.SyntheticGrids;
import io.streamlens.compression.TokenGrid;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench compress}: for each input and chain, one JSON line with the reduction, the
 * fidelity ({@link Fidelity}) and the speed, beside the speed of a plain copy of the same floats
 * measured in the same run. Single thread; each measurement is warmed up first and reports the
 * median pass. Inputs: synthetic SigLIP/CLIP-sized grids, then ViT patch tokens
 * ({@link PatchTokens}) of real video frames.
 *
 * <pre>{@code
 * new CompressBenchmark(300, 700).run(new CompressBenchmark.Options(videos, true, PatchTokens.Scale.UNIT), out);
 * }</pre>
 */
public final class CompressBenchmark {

    /** The chains every input is measured with. */
    public static final List<String> CHAINS = List.of(
            "pool:2", "pool:2:max", "shuffle:2", "temporal:0.9", "pool:2,temporal:0.9",
            "merge:128", "merge:128:exact", "budget:256", "pool:2,temporal:0.9,budget:256");

    /** Frames compressed together, as a 4 s window sampled at 2 fps would hold. */
    public static final int FRAMES_PER_WINDOW = 8;

    /** Two frames a second at CLIP ViT-L/14-336's input size: a static camera's windows of 8. */
    private static final SamplerSpec SAMPLER = SamplerSpec.uniform(2);
    private static final FrameSize FRAME_SIZE = new FrameSize(336);
    private static final int PATCH = 14;

    /**
     * @param videos videos whose frames become patch tokens (none: synthetic grids only)
     * @param synthetic whether to measure the synthetic grids first
     * @param scale how patch pixels are scaled
     */
    public record Options(List<Path> videos, boolean synthetic, PatchTokens.Scale scale) {
        public Options {
            videos = List.copyOf(videos);
        }
    }

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

    /** The synthetic grids unless left out, then every video. */
    public void run(Options options, JsonLines out) throws Exception {
        if (options.synthetic()) {
            runSynthetic(out);
        }
        for (Path file : options.videos()) {
            List<TokenGrid> grids = SampledVideo.sample(file.toString(), SAMPLER, FRAME_SIZE).stream()
                    .map(f -> PatchTokens.fromRgb(f.rgb(), f.width(), f.height(), f.ptsUs(), f.novelty(), PATCH, options.scale()))
                    .toList();
            runInput("video:" + file.getFileName() + ":" + options.scale().name().toLowerCase(Locale.ROOT),
                    windows(grids, FRAMES_PER_WINDOW), CHAINS, out);
        }
    }

    /** SigLIP-so400m-sized (27×27×1152) and CLIP ViT-L/14-336-sized (24×24×1024) static-camera windows. */
    public void runSynthetic(JsonLines out) {
        runInput("synthetic-siglip-27x27x1152",
                List.of(SyntheticGrids.staticCamera(27, 27, 1152, FRAMES_PER_WINDOW, 27)), CHAINS, out);
        runInput("synthetic-clip-24x24x1024",
                List.of(SyntheticGrids.staticCamera(24, 24, 1024, FRAMES_PER_WINDOW, 24)), CHAINS, out);
    }

    /** Measures every chain on the windows of one input, printing one JSON line per chain. */
    public void runInput(String label, List<List<TokenGrid>> windows, List<String> chains, JsonLines out) {
        float[][] copies = windows.stream().flatMap(List::stream)
                .map(grid -> new float[grid.values().length]).toArray(float[][]::new);
        for (String spec : chains) {
            // Measured again beside each chain, so the two see similar load on a shared machine; on
            // its own, so the copy runs warm: the strict yardstick.
            double copyNanos = medianNanos(() -> copy(windows, copies));
            out.write(measure(label, windows, CompressionChain.parse(spec), copyNanos).toLine());
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
        return Timing.median(times);
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

        /** The printed line; figures rounded as the tables in docs/benchmarks.md read them. */
        Map<String, Object> toLine() {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("input", input);
            line.put("chain", chain);
            line.put("dim", dim);
            line.put("frames", frames);
            line.put("framesPerWindow", framesPerWindow);
            line.put("tokensIn", tokensIn);
            line.put("tokensOut", tokensOut);
            line.put("reduction", JsonLines.round(reduction(), 4));
            line.put("meanCosine", JsonLines.round(meanCosine, 4));
            line.put("p5Cosine", JsonLines.round(p5Cosine, 4));
            line.put("tokensPerSecond", Math.round(tokensPerSecond));
            line.put("copyTokensPerSecond", Math.round(copyTokensPerSecond));
            line.put("msPerFrame", JsonLines.round(msPerFrame, 3));
            return line;
        }
    }
}
