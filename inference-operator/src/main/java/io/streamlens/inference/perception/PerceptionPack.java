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
import io.streamlens.inference.pack.PackSessions;
import io.streamlens.inference.pack.PackSource;
import io.streamlens.inference.pack.Problems;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.BatchedModel;
import io.streamlens.inference.runtime.Batcher;
import io.streamlens.inference.runtime.DeviceChoice;
import io.streamlens.inference.runtime.SessionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private final BatchedModel<RgbImage, TextDetector.PreparedFrame, List<TextBox>> detect;
    private final BatchedModel<LineCrop, TextRecognizer.Crop, CtcDecoder.Decoded> recognize;
    private final BatchedModel<String, SentenceEmbedder.Tokens, Embedding> embed;
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
        this.detect = new BatchedModel<>(name + "-text-detector", "text detection", options.batching(),
                detector::prepare, detector::detect);
        this.recognize = new BatchedModel<>(name + "-text-recognizer", "text recognition", options.batching(),
                crop -> recognizer.prepare(crop.image(), crop.box()), recognizer::recognize);
        this.embed = new BatchedModel<>(name + "-sentence-embedder", "embedding", options.batching(),
                embedder::prepare, embedder::embed);
    }

    /** Opens and checks the pack's models; every problem found is thrown together. */
    public static PerceptionPack open(PackSource source, Manifest manifest, RuntimeOptions options) {
        PerceptionSpec spec = PerceptionSpec.read(manifest);
        return PackSessions.open(source, manifest, options, files -> {
            Problems problems = files.problems();
            Optional<OrtSession> det = files.open(spec.textDetector());
            Optional<OrtSession> rec = files.open(spec.textRecognizer());
            Optional<OrtSession> emb = files.open(spec.sentenceEmbedder());
            Optional<CtcDecoder> ctc = files.read(spec.characters()).flatMap(text -> characters(text, spec, problems));
            // the embedder owns the tokenizer once the pack is made
            HuggingFaceTokenizer tokenizer = files.closedUnlessKept(
                    files.read(spec.sentenceTokenizer()).map(json -> loadTokenizer(json, spec, problems)).orElse(null));
            Optional<TextDetector> detector = det.flatMap(s ->
                    TextDetector.bind(s, new SessionContract(spec.textDetector(), s, problems)));
            Optional<TextRecognizer> recognizer = ctc.isEmpty() ? Optional.empty() : rec.flatMap(s ->
                    TextRecognizer.bind(s, new SessionContract(spec.textRecognizer(), s, problems), ctc.get()));
            Optional<SentenceEmbedder> embedder = emb.flatMap(s ->
                    SentenceEmbedder.bind(s, new SessionContract(spec.sentenceEmbedder(), s, problems), tokenizer));
            problems.throwIfAny();
            return new PerceptionPack(files.packName(), files.device(), options, files.keep(), detector.get(),
                    recognizer.get(), embedder.get());
        });
    }

    /** PP-OCR's dictionary: one character per line, no final newline. */
    private static Optional<CtcDecoder> characters(byte[] file, PerceptionSpec spec, Problems problems) {
        String text = new String(file, StandardCharsets.UTF_8);
        List<String> lines = Arrays.stream(text.split("\n", -1)).map(l -> l.replace("\r", "")).toList();
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        if (lines.isEmpty()) {
            problems.add(spec.characters() + ": holds no characters");
            return Optional.empty();
        }
        return Optional.of(new CtcDecoder(lines));
    }

    private static HuggingFaceTokenizer loadTokenizer(byte[] json, PerceptionSpec spec, Problems problems) {
        try {
            return SentenceEmbedder.loadTokenizer(json);
        } catch (IOException | RuntimeException e) {
            // DJL reports a malformed tokenizer.json as a RuntimeException from native code.
            problems.add(spec.sentenceTokenizer() + ": the tokenizer does not load (" + e.getMessage() + ")");
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
        return detect.submit(image).thenCompose(boxes -> {
            List<CompletableFuture<CtcDecoder.Decoded>> texts = boxes.stream()
                    .map(b -> recognize.submit(new LineCrop(image, b))).toList();
            return CompletableFuture.allOf(texts.toArray(CompletableFuture[]::new))
                    .thenApply(done -> lines(boxes, texts.stream().map(CompletableFuture::join).toList()));
        });
    }

    /** A sentence embedding, run in the caller's thread. */
    public Embedding embed(String text) {
        return embed.run(text);
    }

    /** Embeddings of several texts in one call. */
    public List<Embedding> embedAll(List<String> texts) {
        return embed.runAll(texts);
    }

    /** A sentence embedding batched with other callers' texts; a bad text fails this future only. */
    public CompletableFuture<Embedding> embedAsync(String text) {
        return embed.submit(text);
    }

    /**
     * Where text is in a frame, without reading it; batched with other callers' frames. Cheaper than
     * {@link #readTextAsync} when only the presence of text matters.
     */
    public CompletableFuture<List<TextBox>> findTextAsync(RgbImage image) {
        return detect.submit(image);
    }

    /**
     * The text in one box of a frame (e.g. one found by {@link #findTextAsync}), batched with other
     * callers' lines; the line's text is empty when nothing legible is there.
     */
    public CompletableFuture<TextLine> readLineAsync(RgbImage image, TextBox box) {
        if (box.right() > image.width() || box.bottom() > image.height() || box.x() < 0 || box.y() < 0) {
            return CompletableFuture.failedFuture(new InferenceException(FailureReason.SHAPE_MISMATCH,
                    box + " lies outside the " + image.width() + "x" + image.height() + " frame"));
        }
        return recognize.submit(new LineCrop(image, box))
                .thenApply(d -> new TextLine(d.confidence() >= MIN_CONFIDENCE ? d.text() : "", box, d.confidence()));
    }

    public TextDetector textDetector() {
        return detector;
    }

    public TextRecognizer textRecognizer() {
        return recognizer;
    }

    public SentenceEmbedder sentenceEmbedder() {
        return embedder;
    }

    /** Batching statistics of the detector, recogniser and embedder, in that order. */
    public List<Batcher.Stats> batchStats() {
        return List.of(detect.stats(), recognize.stats(), embed.stats());
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        detect.close();
        recognize.close();
        embed.close();
        SessionFactory.closeAll(sessions);
        embedder.close();
    }
}
