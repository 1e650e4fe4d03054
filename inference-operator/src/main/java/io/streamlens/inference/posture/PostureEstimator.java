package io.streamlens.inference.posture;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.runtime.BatchedModel;
import io.streamlens.inference.runtime.SessionFactory;
import io.streamlens.inference.runtime.ShippedModels;
import io.streamlens.inference.runtime.SquareCrop;
import io.streamlens.inference.runtime.Tensors;
import io.streamlens.records.Detection;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Body keypoints and posture with MoveNet Lightning ({@code models/movenet-lightning/model.onnx}):
 * one person per call, so each of the largest person boxes (from the object detector) is cut out
 * as a square with a margin, black beyond the frame, and resized to 192×192. Input {@code input}
 * int32 {@code [1, 192, 192, 3]}, RGB 0–255; output {@code Identity} f32 {@code [1, 1, 17, 3]}:
 * per {@link BodyPart}, {@code y, x} relative to the crop and a score. Keypoints are mapped back
 * to frame coordinates and read by {@link PostureRules}.
 *
 * <pre>{@code
 * try (PostureEstimator postures = PostureEstimator.open(RuntimeOptions.defaults(), PostureOptions.DEFAULTS)) {
 *     for (Pose pose : postures.estimate(frame, people)) {      // people: "person" detections
 *         String words = pose.posture().describe();               // "standing", "" when unsure
 *     }
 * }
 * }</pre>
 */
public final class PostureEstimator implements AutoCloseable {

    public static final String MODEL_RESOURCE = "/models/movenet-lightning/model.onnx";
    static final int SIZE = 192;
    static final String PERSON = "person";
    private static final String OUTPUT = "Identity";
    /**
     * The crop's side is the box's longer side grown by this: MoveNet expects the whole body with
     * some room around it, and detector boxes often clip a hand or a foot.
     */
    static final float CROP_MARGIN = 0.25f;

    /** One person to look at. */
    record PersonCrop(RgbImage frame, Detection person, SquareCrop crop) {
    }

    /** The crop's pixels as the model takes them. */
    record Prepared(int[] pixels, PersonCrop person) {
    }

    private final OrtSession session;
    private final String input;
    private final PostureOptions options;
    private final BatchedModel<PersonCrop, Prepared, Pose> model;

    private PostureEstimator(OrtSession session, PostureOptions options, RuntimeOptions runtime) {
        this.session = session;
        this.input = session.getInputNames().iterator().next();
        if (!session.getOutputNames().contains(OUTPUT)) {
            throw new IllegalStateException("MoveNet has no output " + OUTPUT + ": " + session.getOutputNames());
        }
        this.options = options;
        this.model = new BatchedModel<>("posture-estimator", "posture", runtime.batching(), this::prepare, this::run);
    }

    public static PostureEstimator open(RuntimeOptions runtime, PostureOptions options) {
        OrtSession session = ShippedModels.open(MODEL_RESOURCE, runtime);
        try {
            return new PostureEstimator(session, options, runtime);
        } catch (RuntimeException e) {
            ShippedModels.closeQuietly(session, e);
            throw e;
        }
    }

    /** Poses of the largest people among {@code people} (other labels ignored), in the caller's thread. */
    public List<Pose> estimate(RgbImage frame, List<Detection> people) {
        List<PersonCrop> crops = crops(frame, people);
        return crops.isEmpty() ? List.of() : model.runAll(crops);
    }

    /** As {@link #estimate}, each person submitted to the JVM's batcher. */
    public CompletableFuture<List<Pose>> estimateAsync(RgbImage frame, List<Detection> people) {
        List<CompletableFuture<Pose>> futures = crops(frame, people).stream().map(model::submit).toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    List<PersonCrop> crops(RgbImage frame, List<Detection> people) {
        frame.requireReadable();
        return people.stream()
                .filter(p -> PERSON.equals(p.label()))
                .filter(p -> p.height() * frame.height() >= options.minPersonPixels())
                .sorted(Comparator.comparingDouble(Detection::area).reversed())
                .limit(options.maxPeople())
                .map(p -> new PersonCrop(frame, p, SquareCrop.centredOn(p.centerX() * frame.width(), p.centerY() * frame.height(),
                        Math.max(p.width() * frame.width(), p.height() * frame.height()) * (1 + CROP_MARGIN))))
                .toList();
    }

    Prepared prepare(PersonCrop person) {
        float[] rgb = person.crop().pixels(person.frame(), SIZE);
        int[] pixels = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            pixels[i] = Math.max(0, Math.min(255, Math.round(rgb[i])));
        }
        return new Prepared(pixels, person);
    }

    /** One call per person: the model's batch dimension is fixed at 1. */
    private List<Pose> run(List<Prepared> batch) throws OrtException {
        List<Pose> out = new ArrayList<>(batch.size());
        for (Prepared p : batch) {
            float[] values;
            try (OnnxTensor in = OnnxTensor.createTensor(SessionFactory.environment(), IntBuffer.wrap(p.pixels()),
                    new long[] {1, SIZE, SIZE, 3});
                    OrtSession.Result r = session.run(Map.of(input, in), java.util.Set.of(OUTPUT))) {
                values = Tensors.copyFloats(Tensors.output(r, OUTPUT));
            }
            out.add(pose(p.person(), values));
        }
        return out;
    }

    private static Pose pose(PersonCrop person, float[] yxs) {
        RgbImage frame = person.frame();
        List<BodyKeypoint> keypoints = new ArrayList<>();
        for (BodyPart part : BodyPart.values()) {
            int k = 3 * part.ordinal();
            keypoints.add(new BodyKeypoint(part, person.crop().frameX(yxs[k + 1], frame), person.crop().frameY(yxs[k], frame),
                    yxs[k + 2]));
        }
        Posture posture = PostureRules.classify(keypoints, (double) frame.width() / frame.height());
        return new Pose(person.person(), keypoints, posture);
    }

    @Override
    public void close() {
        model.close();
        ShippedModels.close(session, "posture estimator");
    }
}
