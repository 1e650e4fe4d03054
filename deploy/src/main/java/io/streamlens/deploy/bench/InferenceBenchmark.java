package io.streamlens.deploy.bench;

import ai.onnxruntime.OrtException;
import io.streamlens.inference.BatchOptions;
import io.streamlens.inference.Device;
import io.streamlens.inference.ModelPack;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.objects.DetectionOptions;
import io.streamlens.inference.objects.ObjectDetector;
import io.streamlens.inference.perception.PerceptionPack;
import io.streamlens.inference.perception.SentenceEmbedder;
import io.streamlens.inference.perception.TextBox;
import io.streamlens.inference.perception.TextDetector;
import io.streamlens.inference.perception.TextRecognizer;
import io.streamlens.inference.runtime.Batcher;
import io.streamlens.inference.runtime.ModelInput;
import io.streamlens.inference.vlm.VisionEncoder;
import io.streamlens.inference.vlm.VlmPack;
import io.streamlens.ingest.SampleMedia;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * {@code bench inference}, part 1: each model at batch 1, 4 and 16 through the operator path
 * (the packs' async methods: preparation in the caller's thread, the JVM-wide batcher, the batched
 * call, results handed back) against a bare {@code OrtSession.run} on the same tensors, in the same
 * run, rounds interleaved so that both see the same machine load. Prints one JSON object per line:
 *
 * <pre>{"model":"perception/text_detector","input":"frame 640x360","batch":16,"msPerCall":…,"itemsPerSecond":…,"rawMsPerCall":…,…}</pre>
 *
 * <p>{@code msPerCall} is the median time for {@code batch} requests to complete, preparation
 * included ({@code prepareMsPerCall} shows that part); {@code rawMsPerCall} the median bare call.
 * Batches are forced full (a long {@code maxWait}) so that each round is one call of exactly
 * {@code batch} items; {@code meanBatchSize} confirms it. Models: the tiny-color vision encoder,
 * the perception pack's text detector, recogniser and sentence embedder, the NanoDet-g object
 * detector on a real photo (when dev/fetch-media has run); the last line is OCR of a whole
 * 640×360 frame with three lines of text.
 */
public final class InferenceBenchmark {

    /**
     * @param runtime device and threads; batching is set per case
     * @param batchSizes the batch sizes to measure
     * @param minTimePerCase rounds continue until this much time has passed…
     * @param minRounds …and at least this many rounds have run
     */
    public record Options(RuntimeOptions runtime, List<Integer> batchSizes, Duration minTimePerCase, int minRounds) {

        public Options {
            Objects.requireNonNull(runtime, "runtime");
            batchSizes = List.copyOf(batchSizes);
            if (minRounds < 1) {
                throw new IllegalArgumentException("minRounds must be at least 1");
            }
        }

        /** One intra-op thread (fastest for these models on a small host), batches 1, 4, 16, 2 s per case. */
        public static Options defaults() {
            return new Options(RuntimeOptions.defaults().withIntraOpThreads(1), List.of(1, 4, 16), Duration.ofSeconds(2), 5);
        }
    }

    /** One line of output. */
    public record Result(String model, String input, int batch, double msPerCall, double itemsPerSecond,
            double rawMsPerCall, double prepareMsPerCall, double meanBatchSize, int rounds, String device, int threads) {

        /** Operator path over the bare call, all in. */
        public double overheadPercent() {
            return 100 * (msPerCall - rawMsPerCall) / rawMsPerCall;
        }

        /**
         * The same without input preparation (resizing, tokenizing), which a Flink job spreads over
         * its task threads; what is left is the batcher's hand-off, tensor building and output reading.
         */
        public double overheadBeyondPreparePercent() {
            return 100 * (msPerCall - prepareMsPerCall - rawMsPerCall) / rawMsPerCall;
        }

        public Map<String, Object> toLine() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model);
            json.put("input", input);
            json.put("batch", batch);
            json.put("msPerCall", round(msPerCall));
            json.put("itemsPerSecond", round(itemsPerSecond));
            json.put("rawMsPerCall", round(rawMsPerCall));
            json.put("rawItemsPerSecond", round(batch * 1000.0 / rawMsPerCall));
            json.put("prepareMsPerCall", round(prepareMsPerCall));
            json.put("overheadPercent", round(overheadPercent()));
            json.put("overheadBeyondPreparePercent", round(overheadBeyondPreparePercent()));
            json.put("meanBatchSize", round(meanBatchSize));
            json.put("rounds", rounds);
            json.put("device", device);
            json.put("intraOpThreads", threads);
            return json;
        }

        private static double round(double v) {
            return JsonLines.round(v, 3);
        }
    }

    /**
     * What one case measures: the operator path for a batch, its preparation alone, and the bare
     * call on {@code inputs}, the tensors built once beforehand (freed by {@link #close}).
     */
    private record Case(Timing.Work operatorCall, Timing.Work prepareOnly, Timing.Work rawCall, List<ModelInput> inputs)
            implements AutoCloseable {
        @Override
        public void close() {
            inputs.forEach(ModelInput::close);
        }
    }

    private static final Duration FORCE_FULL_BATCHES = Duration.ofSeconds(5);
    /** The object detector's input, below the sample media folder. */
    private static final String PHOTO = "images/dog.jpg";

    private final Options options;
    private final Consumer<Result> sink;

    public InferenceBenchmark(Options options, Consumer<Result> sink) {
        this.options = options;
        this.sink = sink;
    }

    public void run() throws Exception {
        // Frames at the encoder's own size show the batcher; 640x360 frames add the resize a real frame needs.
        for (int side : new int[] {32, 0}) {
            for (int batch : options.batchSizes()) {
                try (VlmPack vlm = (VlmPack) ModelPack.builtIn("tiny-color", forBatch(batch))) {
                    int w = side == 0 ? 640 : side;
                    int h = side == 0 ? 360 : side;
                    measure("tiny-color/vision_encoder", "frame " + w + "x" + h, batch, vlm.device().used(),
                            visionEncoder(vlm, batch, w, h), vlm::encodeStats);
                }
            }
        }
        for (int batch : options.batchSizes()) {
            try (PerceptionPack p = (PerceptionPack) ModelPack.builtIn("perception", forBatch(batch))) {
                Device d = p.device().used();
                measure("perception/text_detector", "frame 640x360", batch, d, textDetector(p, batch), () -> p.batchStats().get(0));
                measure("perception/text_recognizer", "line crop", batch, d, textRecognizer(p, batch), () -> p.batchStats().get(1));
                measure("perception/sentence_embedder", "sentence", batch, d, sentenceEmbedder(p, batch), () -> p.batchStats().get(2));
            }
        }
        Optional<RgbImage> photo = photo();
        if (photo.isEmpty()) {
            System.err.println("object detector not measured: its photo " + SampleMedia.root().resolve(PHOTO)
                    + " is missing (run ./dev/fetch-media)");
        }
        for (int batch : photo.isPresent() ? options.batchSizes() : List.<Integer>of()) {
            try (ObjectDetector detector = ObjectDetector.open(forBatch(batch), DetectionOptions.DEFAULTS)) {
                // ObjectDetector does not say which device it got; on a CPU build it is the one asked for.
                measure("objects/nanodet-g", "photo " + Path.of(PHOTO).getFileName() + " 640x360", batch,
                        options.runtime().device(), objectDetector(detector, photo.get(), batch), detector::batchStats);
            }
        }
        try (PerceptionPack p = (PerceptionPack) ModelPack.builtIn("perception", options.runtime())) {
            measure("perception/ocr", "frame 640x360, 3 lines", 1, p.device().used(), wholeFrameOcr(p), () -> p.batchStats().get(0));
        }
    }

    private RuntimeOptions forBatch(int batch) {
        return options.runtime().withBatching(new BatchOptions(batch, FORCE_FULL_BATCHES, Math.max(1024, batch)));
    }

    private void measure(String model, String input, int batch, Device device, Case measured,
            Supplier<Batcher.Stats> stats) throws Exception {
        try (Case c = measured) {
            sink.accept(rounds(model, input, batch, device, c, stats));
        }
    }

    private Result rounds(String model, String input, int batch, Device device, Case c, Supplier<Batcher.Stats> stats)
            throws Exception {
        // ONNX Runtime plans memory per input shape on first sight: keep that out of the figures.
        for (int i = 0; i < 2; i++) {
            c.operatorCall().run();
            c.rawCall().run();
        }
        Batcher.Stats before = stats.get();
        List<Double> operator = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> prepare = new ArrayList<>();
        long end = System.nanoTime() + options.minTimePerCase().toNanos();
        while (operator.size() < options.minRounds() || System.nanoTime() < end) {
            operator.add(Timing.millis(c.operatorCall()));
            raw.add(Timing.millis(c.rawCall()));
            prepare.add(Timing.millis(c.prepareOnly()));
        }
        Batcher.Stats after = stats.get();
        long calls = after.calls() - before.calls();
        double meanBatch = calls == 0 ? 0 : (double) (after.items() - before.items()) / calls;
        double ms = Timing.median(operator);
        return new Result(model, input, batch, ms, batch * 1000.0 / ms, Timing.median(raw), Timing.median(prepare), meanBatch,
                operator.size(), device.toString(), options.runtime().intraOpThreads());
    }

    private static Case visionEncoder(VlmPack vlm, int batch, int width, int height) throws OrtException {
        Random random = new Random(1);
        List<RgbImage> frames = IntStream.range(0, batch)
                .mapToObj(i -> RgbImage.filled(width, height, random.nextInt(256), random.nextInt(256), random.nextInt(256)))
                .toList();
        VisionEncoder encoder = vlm.visionEncoder();
        ModelInput input = encoder.input(frames.stream().map(encoder::prepare).toList());
        return new Case(
                () -> join(frames.stream().map(vlm::encodeImageAsync).toList()),
                () -> frames.forEach(encoder::prepare),
                () -> encoder.runBare(input),
                List.of(input));
    }

    private static Case textDetector(PerceptionPack p, int batch) throws OrtException {
        List<RgbImage> frames = IntStream.range(0, batch).mapToObj(i -> newsFrame(i)).toList();
        TextDetector detector = p.textDetector();
        ModelInput input = detector.input(frames.stream().map(detector::prepare).toList());
        return new Case(
                () -> join(frames.stream().map(p::findTextAsync).toList()),
                () -> frames.forEach(detector::prepare),
                () -> detector.runBare(input),
                List.of(input));
    }

    private static Case textRecognizer(PerceptionPack p, int batch) throws Exception {
        RgbImage frame = newsFrame(0);
        List<TextBox> found = p.findTextAsync(frame).get();
        List<TextBox> boxes = IntStream.range(0, batch).mapToObj(i -> found.get(i % found.size())).toList();
        TextRecognizer recognizer = p.textRecognizer();
        ModelInput input = recognizer.input(boxes.stream().map(b -> recognizer.prepare(frame, b)).toList());
        return new Case(
                () -> join(boxes.stream().map(b -> p.readLineAsync(frame, b)).toList()),
                () -> boxes.forEach(b -> recognizer.prepare(frame, b)),
                () -> recognizer.runBare(input),
                List.of(input));
    }

    private static Case sentenceEmbedder(PerceptionPack p, int batch) throws OrtException {
        List<String> sentences = List.of(
                "The presenter says it will rain heavily tomorrow in the north.",
                "A red car drives down a busy street at night.",
                "Two people are cooking pasta in a small kitchen.",
                "Breaking news at noon: traffic is light today.");
        List<String> texts = IntStream.range(0, batch).mapToObj(i -> sentences.get(i % sentences.size())).toList();
        SentenceEmbedder embedder = p.sentenceEmbedder();
        ModelInput input = embedder.input(texts.stream().map(embedder::prepare).toList());
        return new Case(
                () -> join(texts.stream().map(p::embedAsync).toList()),
                () -> texts.forEach(embedder::prepare),
                () -> embedder.runBare(input),
                List.of(input));
    }

    private static Case objectDetector(ObjectDetector detector, RgbImage photo, int batch) throws OrtException {
        List<RgbImage> frames = Collections.nCopies(batch, photo);
        ModelInput input = detector.input(frames.stream().map(detector::prepare).toList());
        return new Case(
                () -> join(frames.stream().map(detector::detectAsync).toList()),
                () -> frames.forEach(detector::prepare),
                () -> detector.runBare(input),
                List.of(input));
    }

    /** A whole frame: detection, then recognition of its lines; raw is the two bare calls. */
    private static Case wholeFrameOcr(PerceptionPack p) throws OrtException {
        RgbImage frame = newsFrame(0);
        TextDetector detector = p.textDetector();
        TextRecognizer recognizer = p.textRecognizer();
        TextDetector.PreparedFrame prepared = detector.prepare(frame);
        List<TextBox> boxes = detector.detect(List.of(prepared)).get(0);
        ModelInput detInput = detector.input(List.of(prepared));
        ModelInput recInput = recognizer.input(boxes.stream().map(b -> recognizer.prepare(frame, b)).toList());
        return new Case(
                () -> p.readTextAsync(frame).join(),
                () -> {
                    detector.prepare(frame);
                    boxes.forEach(b -> recognizer.prepare(frame, b));
                },
                () -> {
                    detector.runBare(detInput);
                    recognizer.runBare(recInput);
                },
                List.of(detInput, recInput));
    }

    private static void join(List<? extends CompletableFuture<?>> futures) {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * A real photo (darknet's dog, bicycle and truck, from dev/fetch-media) as a sampled 640×360
     * frame: cut to 16:9 around its middle, then scaled; empty when the sample media are missing.
     */
    static Optional<RgbImage> photo() throws IOException {
        Path file = SampleMedia.root().resolve(PHOTO);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        BufferedImage original = ImageIO.read(file.toFile());
        int height = Math.min(original.getHeight(), original.getWidth() * 9 / 16);
        int width = height * 16 / 9;
        int x = (original.getWidth() - width) / 2;
        int y = (original.getHeight() - height) / 2;
        BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(original, 0, 0, 640, 360, x, y, x + width, y + height, null);
        } finally {
            g.dispose();
        }
        return Optional.of(RgbImage.of(frame));
    }

    /** A 640×360 news-style frame with three lines of text; {@code variant} shifts it a little. */
    static RgbImage newsFrame(int variant) {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(235, 235, 230));
            g.fillRect(0, 0, 640, 360);
            g.setColor(new Color(20, 20, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
            int x = 30 + variant % 7;
            g.drawString("Breaking news at noon", x, 60);
            g.drawString("Traffic is light today", x, 120);
            g.drawString("Open source video " + variant, x, 180);
        } finally {
            g.dispose();
        }
        return RgbImage.of(image);
    }
}
