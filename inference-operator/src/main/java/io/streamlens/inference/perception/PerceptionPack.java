package io.streamlens.inference.perception;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import io.streamlens.inference.ModelPack;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.pack.Manifest;
import io.streamlens.inference.pack.PackKind;
import io.streamlens.inference.pack.PackSource;
import io.streamlens.inference.pack.Problems;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.Batcher;
import io.streamlens.inference.runtime.DeviceChoice;
import io.streamlens.inference.runtime.SessionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The built-in {@code perception} pack: on-screen text with PP-OCRv4 and sentence embeddings with
 * all-MiniLM-L6-v2, both read from the Maven jars on the classpath.
 *
 * <pre>{@code
 * List<TextLine> lines = perception.readText(frame);          // or readTextAsync, batched across streams
 * double similarity = perception.embed(question).cosine(perception.embed(caption));
 * }</pre>
 */
public final class PerceptionPack implements ModelPack {

    /** Lines the recogniser is less sure of than this are dropped as noise. */
    static final float MIN_CONFIDENCE = 0.5f;

    /** A box of a frame waiting for recognition. */
    private record LineCrop(RgbImage image, TextBox box) {
    }

    private final String name;
    private final DeviceChoice device;
    private final RuntimeOptions options;
    private final List<OrtSession> sessions;
    private final TextDetector detector;
    private final TextRecognizer recognizer;
    private final SentenceEmbedder embedder;
    private Batcher<TextDetector.PreparedFrame, List<TextBox>> detectBatcher;
    private Batcher<LineCrop, CtcDecoder.Decoded> recognizeBatcher;
    private Batcher<SentenceEmbedder.Tokens, Embedding> embedBatcher;
    private boolean closed;

    private PerceptionPack(String name, DeviceChoice device, RuntimeOptions options, List<OrtSession> sessions,
            TextDetector detector, TextRecognizer recognizer, SentenceEmbedder embedder) {
        this.name = name;
        this.device = device;
        this.options = options;
        this.sessions = sessions;
        this.detector = detector;
        this.recognizer = recognizer;
        this.embedder = embedder;
    }

    /** Opens and checks the pack's models; every problem found is thrown together. */
    public static PerceptionPack open(PackSource source, Manifest manifest, RuntimeOptions options) {
        Problems problems = manifest.problems();
        PerceptionSpec spec = PerceptionSpec.read(manifest);
        List<OrtSession> sessions = new ArrayList<>();
        HuggingFaceTokenizer tokenizer = null;
        boolean opened = false;
        try (SessionFactory factory = new SessionFactory(options)) {
            OrtSession det = openSession(source, spec.textDetector(), factory, problems, sessions);
            OrtSession rec = openSession(source, spec.textRecognizer(), factory, problems, sessions);
            OrtSession emb = openSession(source, spec.sentenceEmbedder(), factory, problems, sessions);
            Optional<CtcDecoder> ctc = readCharacters(source, spec.characters(), problems);
            tokenizer = loadTokenizer(source, spec.sentenceTokenizer(), problems);
            Optional<TextDetector> detector = det == null ? Optional.empty()
                    : TextDetector.bind(det, new SessionContract(spec.textDetector(), det, problems));
            Optional<TextRecognizer> recognizer = rec == null || ctc.isEmpty() ? Optional.empty()
                    : TextRecognizer.bind(rec, new SessionContract(spec.textRecognizer(), rec, problems), ctc.get());
            Optional<SentenceEmbedder> embedder = emb == null ? Optional.empty()
                    : SentenceEmbedder.bind(emb, new SessionContract(spec.sentenceEmbedder(), emb, problems), tokenizer);
            problems.throwIfAny();
            PerceptionPack pack = new PerceptionPack(manifest.name().isEmpty() ? source.describe() : manifest.name(),
                    factory.deviceChoice(), options, sessions, detector.get(), recognizer.get(), embedder.get());
            opened = true;
            return pack;
        } catch (OrtException e) {
            problems.add("ONNX Runtime could not set up sessions: " + e.getMessage());
            throw problems.toException();
        } finally {
            if (!opened) {
                SessionFactory.closeAll(sessions);
                if (tokenizer != null) {
                    tokenizer.close();
                }
            }
        }
    }

    private static OrtSession openSession(PackSource source, String file, SessionFactory factory, Problems problems,
            List<OrtSession> sessions) {
        if (!source.exists(file)) {
            problems.add(file + ": missing from " + source.describe());
            return null;
        }
        try {
            Optional<Path> path = source.path(file);
            OrtSession s = path.isPresent() ? factory.open(path.get()) : factory.open(source.read(file));
            sessions.add(s);
            return s;
        } catch (OrtException | IOException e) {
            problems.add(file + ": ONNX Runtime cannot load it (" + e.getMessage() + ")");
            return null;
        }
    }

    /** PP-OCR's dictionary: one character per line, no final newline. */
    private static Optional<CtcDecoder> readCharacters(PackSource source, String file, Problems problems) {
        if (!source.exists(file)) {
            problems.add(file + ": missing from " + source.describe());
            return Optional.empty();
        }
        try {
            String text = new String(source.read(file), StandardCharsets.UTF_8);
            List<String> lines = Arrays.stream(text.split("\n", -1)).map(l -> l.replace("\r", "")).toList();
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            if (lines.isEmpty()) {
                problems.add(file + ": holds no characters");
                return Optional.empty();
            }
            return Optional.of(new CtcDecoder(lines));
        } catch (IOException e) {
            problems.add(file + ": unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(PackSource source, String file, Problems problems) {
        if (!source.exists(file)) {
            problems.add(file + ": missing from " + source.describe());
            return null;
        }
        try {
            return SentenceEmbedder.loadTokenizer(source.read(file));
        } catch (Exception e) {
            // DJL reports a malformed tokenizer.json as a RuntimeException from native code.
            problems.add(file + ": the tokenizer does not load (" + e.getMessage() + ")");
            return null;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PackKind kind() {
        return PackKind.PERCEPTION;
    }

    @Override
    public DeviceChoice device() {
        return device;
    }

    /** The text lines of a frame in reading order, run in the caller's thread. */
    public List<TextLine> readText(RgbImage image) {
        TextDetector.PreparedFrame frame = detector.prepare(image);
        try {
            List<TextBox> boxes = detector.detect(List.of(frame)).get(0);
            List<TextRecognizer.Crop> crops = boxes.stream().map(b -> recognizer.prepare(image, b)).toList();
            return lines(boxes, recognizer.recognize(crops));
        } catch (OrtException e) {
            throw new InferenceException(FailureReason.MODEL_FAILURE, "OCR: " + e.getMessage(), e);
        }
    }

    /**
     * The text lines of a frame; detection is batched with other callers' frames, recognition with
     * other callers' lines. A bad frame fails this future only.
     */
    public CompletableFuture<List<TextLine>> readTextAsync(RgbImage image) {
        TextDetector.PreparedFrame frame;
        try {
            frame = detector.prepare(image);
        } catch (InferenceException e) {
            return CompletableFuture.failedFuture(e);
        }
        return detectBatcher().submit(frame).thenCompose(boxes -> {
            List<CompletableFuture<CtcDecoder.Decoded>> texts = boxes.stream()
                    .map(b -> recognizeBatcher().submit(new LineCrop(image, b))).toList();
            return CompletableFuture.allOf(texts.toArray(CompletableFuture[]::new))
                    .thenApply(done -> lines(boxes, texts.stream().map(CompletableFuture::join).toList()));
        });
    }

    /** A sentence embedding, run in the caller's thread. */
    public Embedding embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** Embeddings of several texts in one call. */
    public List<Embedding> embedAll(List<String> texts) {
        List<SentenceEmbedder.Tokens> tokens = texts.stream().map(embedder::prepare).toList();
        try {
            return embedder.embed(tokens);
        } catch (OrtException e) {
            throw new InferenceException(FailureReason.MODEL_FAILURE, "embedding: " + e.getMessage(), e);
        }
    }

    /** A sentence embedding batched with other callers' texts; a bad text fails this future only. */
    public CompletableFuture<Embedding> embedAsync(String text) {
        SentenceEmbedder.Tokens tokens;
        try {
            tokens = embedder.prepare(text);
        } catch (InferenceException e) {
            return CompletableFuture.failedFuture(e);
        }
        return embedBatcher().submit(tokens);
    }

    /** Batching statistics of the detector, recogniser and embedder, in that order. */
    public List<Batcher.Stats> batchStats() {
        return List.of(detectBatcher().stats(), recognizeBatcher().stats(), embedBatcher().stats());
    }

    private static List<TextLine> lines(List<TextBox> boxes, List<CtcDecoder.Decoded> texts) {
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            CtcDecoder.Decoded d = texts.get(i);
            if (!d.text().isBlank() && d.confidence() >= MIN_CONFIDENCE) {
                lines.add(new TextLine(d.text(), boxes.get(i), d.confidence()));
            }
        }
        return LineLayout.readingOrder(lines, TextLine::box);
    }

    private synchronized Batcher<TextDetector.PreparedFrame, List<TextBox>> detectBatcher() {
        if (detectBatcher == null) {
            detectBatcher = new Batcher<>(name + "-text-detector", options.batching(), detector::detect);
        }
        return detectBatcher;
    }

    private synchronized Batcher<LineCrop, CtcDecoder.Decoded> recognizeBatcher() {
        if (recognizeBatcher == null) {
            recognizeBatcher = new Batcher<>(name + "-text-recognizer", options.batching(),
                    items -> recognizer.recognize(items.stream().map(c -> recognizer.prepare(c.image(), c.box())).toList()));
        }
        return recognizeBatcher;
    }

    private synchronized Batcher<SentenceEmbedder.Tokens, Embedding> embedBatcher() {
        if (embedBatcher == null) {
            embedBatcher = new Batcher<>(name + "-sentence-embedder", options.batching(), embedder::embed);
        }
        return embedBatcher;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Batcher<?, ?> b : Arrays.asList(detectBatcher, recognizeBatcher, embedBatcher)) {
            if (b != null) {
                b.close();
            }
        }
        SessionFactory.closeAll(sessions);
        embedder.close();
    }
}
