package io.streamlens.inference.faces;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Facial expressions with the {@code emotion} model ({@code models/emotion/model.onnx}, oarriaga's
 * mini-Xception on FER-2013): input {@code input_1} f32 {@code [batch, 64, 64, 1]}, grey
 * (ITU-R 601 weights, as TF.js human) scaled to [-1, 1]; output {@code Identity} f32
 * {@code [batch, 7]}, softmax already applied, in {@link Emotion} order. Faces smaller than
 * {@link #MIN_FACE_PIXELS} are not judged.
 *
 * <pre>{@code
 * try (ExpressionClassifier expressions = ExpressionClassifier.open(RuntimeOptions.defaults())) {
 *     Optional<Expression> e = expressions.classify(frame, face);     // empty when the face is too small
 *     boolean smiling = e.map(Expression::isSmiling).orElse(false);
 * }
 * }</pre>
 */
public final class ExpressionClassifier implements AutoCloseable {

    public static final String MODEL_RESOURCE = "/models/emotion/model.onnx";
    static final int SIZE = 64;
    private static final String OUTPUT = "Identity";

    /**
     * The smallest face (box width in frame pixels) worth judging. FER-2013's faces are 48 px; a
     * face under 32 px becomes the 64-px input by interpolation more than by detail, and the
     * mouth and eyes that carry an expression are then a few pixels each.
     */
    public static final float MIN_FACE_PIXELS = 32;

    /**
     * The crop is the face box grown by this factor: FER-2013 faces are framed with a little
     * forehead and chin; the astronaut's smile scores highest at 1.2 (0.99999; 0.9997 at 1.0).
     */
    static final float CROP_SCALE = 1.2f;

    private static final float RED = 0.2989f;
    private static final float GREEN = 0.5870f;
    private static final float BLUE = 0.1140f;

    /** One face to judge. */
    record FaceCrop(RgbImage frame, Detection face) {
    }

    private final OrtSession session;
    private final String input;
    private final BatchedModel<FaceCrop, float[], Expression> model;

    private ExpressionClassifier(OrtSession session, RuntimeOptions runtime) throws OrtException {
        this.session = session;
        this.input = session.getInputNames().iterator().next();
        if (!session.getOutputNames().contains(OUTPUT)) {
            throw new IllegalStateException("the emotion model has no output " + OUTPUT + ": " + session.getOutputNames());
        }
        this.model = new BatchedModel<>("expression-classifier", "expression", runtime.batching(), this::prepare, this::run);
    }

    public static ExpressionClassifier open(RuntimeOptions runtime) {
        OrtSession session = ShippedModels.open(MODEL_RESOURCE, runtime);
        try {
            return new ExpressionClassifier(session, runtime);
        } catch (OrtException | RuntimeException e) {
            ShippedModels.closeQuietly(session, e);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Whether a face is large enough in its frame to judge its expression. */
    public static boolean largeEnough(RgbImage frame, Detection face) {
        return face.width() * frame.width() >= MIN_FACE_PIXELS;
    }

    /** The face's expression, or empty when it is too small to judge; in the caller's thread. */
    public Optional<Expression> classify(RgbImage frame, Detection face) {
        return largeEnough(frame, face) ? Optional.of(model.run(new FaceCrop(frame, face))) : Optional.empty();
    }

    /** Each face's expression (empty for those too small), in one model call. */
    public List<Optional<Expression>> classifyAll(RgbImage frame, List<Detection> faces) {
        List<FaceCrop> judged = faces.stream().filter(f -> largeEnough(frame, f)).map(f -> new FaceCrop(frame, f)).toList();
        List<Expression> results = judged.isEmpty() ? List.of() : model.runAll(judged);
        List<Optional<Expression>> out = new ArrayList<>(faces.size());
        int next = 0;
        for (Detection f : faces) {
            out.add(largeEnough(frame, f) ? Optional.of(results.get(next++)) : Optional.empty());
        }
        return out;
    }

    /** As {@link #classify}, batched with every other caller's faces. */
    public CompletableFuture<Optional<Expression>> classifyAsync(RgbImage frame, Detection face) {
        if (!largeEnough(frame, face)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return model.submit(new FaceCrop(frame, face)).thenApply(Optional::of);
    }

    /** The face's square crop as 64×64 grey values in [-1, 1]. */
    float[] prepare(FaceCrop crop) {
        RgbImage frame = crop.frame();
        Detection box = crop.face();
        float side = Math.max(box.width() * frame.width(), box.height() * frame.height()) * CROP_SCALE;
        float[] rgb = SquareCrop.centredOn(box.centerX() * frame.width(), box.centerY() * frame.height(), side)
                .pixels(frame, SIZE);
        float[] grey = new float[SIZE * SIZE];
        for (int i = 0; i < grey.length; i++) {
            float luma = (RED * rgb[3 * i] + GREEN * rgb[3 * i + 1] + BLUE * rgb[3 * i + 2]) / 255f;
            grey[i] = (luma - 0.5f) * 2f;
        }
        return grey;
    }

    private List<Expression> run(List<float[]> crops) throws OrtException {
        int n = crops.size();
        FloatBuffer batch = Tensors.directFloats(n * SIZE * SIZE);
        crops.forEach(batch::put);
        float[] probabilities;
        try (ModelInput in = ModelInput.build(i -> i.put(input, Tensors.floats(batch, n, SIZE, SIZE, 1)));
                OrtSession.Result r = in.run(session, Set.of(OUTPUT))) {
            probabilities = Tensors.copyFloats(Tensors.output(r, OUTPUT));
        }
        int classes = Emotion.values().length;
        List<Expression> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Expression.of(java.util.Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes)));
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
        ShippedModels.close(session, "expression classifier");
    }
}
