package io.streamlens.inference.faces;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.runtime.BatchedModel;
import io.streamlens.inference.runtime.ModelInput;
import io.streamlens.inference.runtime.ShippedModels;
import io.streamlens.inference.runtime.SquareCrop;
import io.streamlens.inference.runtime.Tensors;
import io.streamlens.records.Detection;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Finds faces with BlazeFace's back-camera model ({@code models/blazeface-back/model.onnx}, from
 * MediaPipe): the whole frame letterboxed into the model's 256×256 square, plus, when person
 * boxes are given, the head region of each of the largest people, so that faces too small to
 * find in the whole frame (under about 20 px of the 256) are found at a larger scale. Every
 * look's candidates go through one {@link WeightedSuppression} in frame coordinates, which also
 * merges a face seen both in the frame and in a crop.
 *
 * <p>Input: {@code input} f32 {@code [batch, 256, 256, 3]}, RGB in [-1, 1], MediaPipe's range for
 * this model. Checked here: on the astronaut [-1, 1], [0, 1] and TF.js human's
 * {@code x/127.5 - 0.5} all score her face 0.885–0.89, but on a face 16–32 px wide in a 640×360
 * frame [-1, 1] scores 0.58–0.75 where [0, 1] finds nothing below 24 px.
 *
 * <pre>{@code
 * try (FaceDetector faces = FaceDetector.open(RuntimeOptions.defaults(), FaceOptions.DEFAULTS)) {
 *     List<Face> found = faces.detect(frame, people);   // people: the object detector's "person" boxes
 * }
 * }</pre>
 */
public final class FaceDetector implements AutoCloseable {

    public static final String MODEL_RESOURCE = "/models/blazeface-back/model.onnx";
    static final int SIZE = BlazeFaceAnchors.INPUT_SIZE;
    static final String PERSON = "person";

    /**
     * A person crop this much of the whole frame's square or larger adds nothing: the whole-frame
     * look already sees its faces at more than half the crop's scale.
     */
    static final float MAX_CROP_SHARE = 0.5f;
    /** Person crops smaller than this (frame pixels) hold faces of a few pixels: nothing to find. */
    static final float MIN_CROP_PIXELS = 32;
    /** Margin around a head region, as a share of its side, so a face at its edge is whole. */
    static final float CROP_MARGIN = 0.2f;

    /** One square look at a frame. */
    record Look(RgbImage frame, SquareCrop crop) {
    }

    /** A look's model input, with what is needed to map its results back to the frame. */
    record Prepared(float[] pixels, Look look) {
    }

    private final OrtSession session;
    private final String input;
    private final String[] logitOutputs;
    private final String[] boxOutputs;
    private final FaceOptions options;
    private final BlazeFaceDecoder decoder;
    private final WeightedSuppression suppression;
    private final BatchedModel<Look, Prepared, List<FaceCandidate>> model;

    private FaceDetector(OrtSession session, FaceOptions options, RuntimeOptions runtime) throws OrtException {
        this.session = session;
        this.input = session.getInputNames().iterator().next();
        this.logitOutputs = new String[BlazeFaceAnchors.perStride().length];
        this.boxOutputs = new String[logitOutputs.length];
        bindOutputs(session.getOutputInfo());
        this.options = options;
        this.decoder = new BlazeFaceDecoder(options.minScore());
        this.suppression = new WeightedSuppression(options.mergeOverlap(), options.maxFaces());
        this.model = new BatchedModel<>("face-detector", "face detection", runtime.batching(), this::prepare, this::run);
    }

    /** Opens the shipped model with the runtime's device and threads. */
    public static FaceDetector open(RuntimeOptions runtime, FaceOptions options) {
        OrtSession session = ShippedModels.open(MODEL_RESOURCE, runtime);
        try {
            return new FaceDetector(session, options, runtime);
        } catch (OrtException | RuntimeException e) {
            ShippedModels.closeQuietly(session, e);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Faces in the whole frame, in the caller's thread. */
    public List<Face> detect(RgbImage frame) {
        return detect(frame, List.of());
    }

    /**
     * Faces in the frame and in the head regions of the given people (other labels are ignored),
     * in one model call in the caller's thread.
     */
    public List<Face> detect(RgbImage frame, List<Detection> people) {
        return merge(model.runAll(looks(frame, people)));
    }

    /** As {@link #detect(RgbImage, List)}, each look batched with every other caller's. */
    public CompletableFuture<List<Face>> detectAsync(RgbImage frame, List<Detection> people) {
        List<CompletableFuture<List<FaceCandidate>>> futures = looks(frame, people).stream().map(model::submit).toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> merge(futures.stream().map(CompletableFuture::join).toList()));
    }

    /** The whole frame, then the head regions of the largest people worth a closer look. */
    List<Look> looks(RgbImage frame, List<Detection> people) {
        frame.requireReadable();
        SquareCrop whole = SquareCrop.whole(frame);
        List<Look> looks = new ArrayList<>();
        looks.add(new Look(frame, whole));
        people.stream()
                .filter(p -> PERSON.equals(p.label()))
                .sorted(Comparator.comparingDouble(Detection::area).reversed())
                .map(p -> headRegion(p, frame))
                .filter(c -> c.side() >= MIN_CROP_PIXELS && c.side() < MAX_CROP_SHARE * whole.side())
                .limit(options.maxPersonCrops())
                .forEach(c -> looks.add(new Look(frame, c)));
        return looks;
    }

    /**
     * Where a person's face should be: the top of their box, a square as wide as the box but at
     * least half its height (a standing person's box is about three times as tall as wide, and the
     * head sits in its top sixth), never taller than the box, with a margin all round.
     */
    static SquareCrop headRegion(Detection person, RgbImage frame) {
        float w = person.width() * frame.width();
        float h = person.height() * frame.height();
        float side = Math.min(h, Math.max(w, h / 2));
        float cx = person.centerX() * frame.width();
        float cy = person.y0() * frame.height() + side / 2;
        return SquareCrop.centredOn(cx, cy, side * (1 + CROP_MARGIN));
    }

    private List<Face> merge(List<List<FaceCandidate>> perLook) {
        List<FaceCandidate> all = new ArrayList<>();
        perLook.forEach(all::addAll);
        List<Face> faces = new ArrayList<>();
        for (FaceCandidate c : suppression.apply(all)) {
            c.toFace().ifPresent(faces::add);
        }
        return faces;
    }

    /** The look's pixels, RGB in [-1, 1], 256×256×3 (the model takes channels last). */
    Prepared prepare(Look look) {
        float[] pixels = look.crop().pixels(look.frame(), SIZE);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = pixels[i] / 127.5f - 1f;
        }
        return new Prepared(pixels, look);
    }

    private List<List<FaceCandidate>> run(List<Prepared> batch) throws OrtException {
        int n = batch.size();
        int anchors = BlazeFaceAnchors.count();
        float[][] logits = new float[n][anchors];
        float[][] boxes = new float[n][anchors * BlazeFaceDecoder.VALUES_PER_ANCHOR];
        FloatBuffer pixels = Tensors.directFloats(n * SIZE * SIZE * 3);
        batch.forEach(p -> pixels.put(p.pixels()));
        try (ModelInput in = ModelInput.build(i -> i.put(input, Tensors.floats(pixels, n, SIZE, SIZE, 3)));
                OrtSession.Result r = in.run(session, outputNames())) {
            int offset = 0;
            int[] perStride = BlazeFaceAnchors.perStride();
            for (int s = 0; s < perStride.length; s++) {
                float[] l = Tensors.copyFloats(Tensors.output(r, logitOutputs[s]));
                float[] b = Tensors.copyFloats(Tensors.output(r, boxOutputs[s]));
                int count = perStride[s];
                int values = count * BlazeFaceDecoder.VALUES_PER_ANCHOR;
                for (int i = 0; i < n; i++) {
                    System.arraycopy(l, i * count, logits[i], offset, count);
                    System.arraycopy(b, i * values, boxes[i], offset * BlazeFaceDecoder.VALUES_PER_ANCHOR, values);
                }
                offset += count;
            }
        }
        List<List<FaceCandidate>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Look look = batch.get(i).look();
            out.add(decoder.decode(logits[i], boxes[i]).stream().map(c -> toFrame(c, look)).toList());
        }
        return out;
    }

    /** A candidate in the look's square mapped to relative frame coordinates. */
    private static FaceCandidate toFrame(FaceCandidate c, Look look) {
        SquareCrop crop = look.crop();
        RgbImage f = look.frame();
        float[] points = new float[c.points().length];
        for (int p = 0; p < points.length; p += 2) {
            points[p] = crop.frameX(c.points()[p], f);
            points[p + 1] = crop.frameY(c.points()[p + 1], f);
        }
        return new FaceCandidate(c.score(), crop.frameX(c.x0(), f), crop.frameY(c.y0(), f),
                crop.frameX(c.x1(), f), crop.frameY(c.y1(), f), points);
    }

    private java.util.Set<String> outputNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(List.of(logitOutputs));
        names.addAll(List.of(boxOutputs));
        return names;
    }

    /**
     * Finds the outputs by shape, not name: {@code [batch, anchors, 1]} are logits and
     * {@code [batch, anchors, 16]} boxes, for 512 anchors (stride 16) and 384 (stride 32).
     */
    private void bindOutputs(Map<String, NodeInfo> outputs) {
        int[] perStride = BlazeFaceAnchors.perStride();
        for (Map.Entry<String, NodeInfo> e : outputs.entrySet()) {
            if (!(e.getValue().getInfo() instanceof TensorInfo t) || t.getShape().length != 3) {
                throw new IllegalStateException("BlazeFace output " + e.getKey() + " is not a [batch, anchors, values] tensor");
            }
            long[] shape = t.getShape();
            for (int s = 0; s < perStride.length; s++) {
                if (shape[1] == perStride[s]) {
                    (shape[2] == 1 ? logitOutputs : boxOutputs)[s] = e.getKey();
                }
            }
        }
        for (int s = 0; s < perStride.length; s++) {
            if (logitOutputs[s] == null || boxOutputs[s] == null) {
                throw new IllegalStateException("BlazeFace has no outputs for " + perStride[s] + " anchors: " + outputs.keySet());
            }
        }
    }

    @Override
    public void close() {
        model.close();
        ShippedModels.close(session, "face detector");
    }
}
