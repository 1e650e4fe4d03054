package io.streamlens.inference.objects;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.runtime.BatchedModel;
import io.streamlens.inference.runtime.Batcher;
import io.streamlens.inference.runtime.ImageOps;
import io.streamlens.inference.runtime.ModelInput;
import io.streamlens.inference.runtime.Normalization;
import io.streamlens.inference.runtime.ShippedModels;
import io.streamlens.inference.runtime.Tensors;
import io.streamlens.records.Detection;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Finds COCO objects in frames with the shipped NanoDet-g ({@code models/nanodet-g/model.onnx}):
 * each frame resized to 416×416 ignoring its aspect (as the model is used upstream), RGB scaled
 * to [0, 1], channels first; then {@link NanoDetDecoder}. Boxes come back relative to the frame.
 *
 * <pre>{@code
 * try (ObjectDetector detector = ObjectDetector.open(RuntimeOptions.defaults(), DetectionOptions.DEFAULTS)) {
 *     List<Detection> objects = detector.detectAsync(frame).join();   // batched with other streams
 * }
 * }</pre>
 */
public final class ObjectDetector implements AutoCloseable {

    public static final String MODEL_RESOURCE = "/models/nanodet-g/model.onnx";
    static final int INPUT_SIZE = 416;
    private static final Normalization UNIT_RGB = new Normalization(1 / 255f, new float[] {0, 0, 0},
            new float[] {1, 1, 1}, false);

    /** The two outputs of one stride: class scores and box distributions. */
    private record LevelOutputs(int stride, int grid, String scores, String distances) {
    }

    private final OrtSession session;
    private final String input;
    private final List<LevelOutputs> levels;
    private final NanoDetDecoder decoder;
    private final BatchedModel<RgbImage, float[], List<Detection>> model;

    private ObjectDetector(OrtSession session, DetectionOptions options, RuntimeOptions runtime) throws OrtException {
        this.session = session;
        this.input = session.getInputNames().iterator().next();
        this.levels = bindOutputs(session.getOutputInfo());
        this.decoder = new NanoDetDecoder(INPUT_SIZE, options);
        this.model = new BatchedModel<>("object-detector", "object detection", runtime.batching(), this::prepare, this::run);
    }

    /** Opens the shipped model with the runtime's device and threads. */
    public static ObjectDetector open(RuntimeOptions runtime, DetectionOptions options) {
        OrtSession session = ShippedModels.open(MODEL_RESOURCE, runtime);
        try {
            return new ObjectDetector(session, options, runtime);
        } catch (OrtException | RuntimeException e) {
            ShippedModels.closeQuietly(session, e);
            throw e instanceof OrtException ? new IllegalStateException("ONNX Runtime could not use " + MODEL_RESOURCE
                    + ": " + e.getMessage(), e) : (RuntimeException) e;
        }
    }

    /** Objects in one frame, in the caller's thread. */
    public List<Detection> detect(RgbImage frame) {
        return model.run(frame);
    }

    /** Objects in each frame, in one model call in the caller's thread. */
    public List<List<Detection>> detectAll(List<RgbImage> frames) {
        return model.runAll(frames);
    }

    /** Objects in one frame, batched with every other caller's frames. */
    public CompletableFuture<List<Detection>> detectAsync(RgbImage frame) {
        return model.submit(frame);
    }

    public Batcher.Stats batchStats() {
        return model.stats();
    }

    /**
     * The model's input for a frame: 3 planes of 416×416, RGB in [0, 1]. Public, with {@link #input}
     * and {@link #runBare}, so that {@code bench inference} can time the bare session call on the
     * very tensors the batched path builds.
     */
    public float[] prepare(RgbImage frame) {
        frame.requireReadable();
        float[] hwc = ImageOps.resize(frame, INPUT_SIZE, INPUT_SIZE);
        float[] chw = new float[3 * INPUT_SIZE * INPUT_SIZE];
        ImageOps.toChw(hwc, INPUT_SIZE, INPUT_SIZE, UNIT_RGB, chw, 0, INPUT_SIZE, INPUT_SIZE);
        return chw;
    }

    private List<List<Detection>> run(List<float[]> frames) throws OrtException {
        int n = frames.size();
        Set<String> names = outputNames();
        List<float[]> scores = new ArrayList<>();
        List<float[]> distances = new ArrayList<>();
        try (ModelInput in = input(frames); OrtSession.Result r = in.run(session, names)) {
            for (LevelOutputs l : levels) {
                scores.add(Tensors.copyFloats(Tensors.output(r, l.scores())));
                distances.add(Tensors.copyFloats(Tensors.output(r, l.distances())));
            }
        }
        List<List<Detection>> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<NanoDetDecoder.Level> perImage = new ArrayList<>();
            for (int k = 0; k < levels.size(); k++) {
                perImage.add(new NanoDetDecoder.Level(levels.get(k).stride(), levels.get(k).grid(),
                        slice(scores.get(k), i, n), slice(distances.get(k), i, n)));
            }
            result.add(decoder.decode(perImage));
        }
        return result;
    }

    /** The tensor of one call: prepared frames stacked on the batch axis. */
    public ModelInput input(List<float[]> frames) throws OrtException {
        int plane = 3 * INPUT_SIZE * INPUT_SIZE;
        FloatBuffer batch = Tensors.directFloats(frames.size() * plane);
        frames.forEach(batch::put);
        return ModelInput.build(in -> in.put(input, Tensors.floats(batch, frames.size(), 3, INPUT_SIZE, INPUT_SIZE)));
    }

    /** The session call alone, without preparing inputs or decoding boxes: the baseline of benchmarks. */
    public void runBare(ModelInput in) throws OrtException {
        try (OrtSession.Result ignored = in.run(session, outputNames())) {
            // only the call is measured
        }
    }

    private Set<String> outputNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        levels.forEach(l -> names.addAll(List.of(l.scores(), l.distances())));
        return names;
    }

    private static float[] slice(float[] all, int i, int n) {
        int size = all.length / n;
        float[] one = new float[size];
        System.arraycopy(all, i * size, one, 0, size);
        return one;
    }

    /**
     * Finds the outputs by shape, not name: {@code [batch, cells, 80]} are scores and
     * {@code [batch, cells, 4·bins]} box distributions, where cells = (416 / stride)².
     */
    private static List<LevelOutputs> bindOutputs(Map<String, NodeInfo> outputs) {
        Map<Integer, String[]> byGrid = new java.util.TreeMap<>(Comparator.reverseOrder());
        for (Map.Entry<String, NodeInfo> e : outputs.entrySet()) {
            if (!(e.getValue().getInfo() instanceof TensorInfo t) || t.getShape().length != 3) {
                throw new IllegalStateException("NanoDet output " + e.getKey() + " is not a [batch, cells, values] tensor");
            }
            int grid = (int) Math.round(Math.sqrt(t.getShape()[1]));
            String[] pair = byGrid.computeIfAbsent(grid, g -> new String[2]);
            pair[t.getShape()[2] == NanoDetDecoder.CLASSES ? 0 : 1] = e.getKey();
        }
        List<LevelOutputs> levels = new ArrayList<>();
        byGrid.forEach((grid, pair) -> {
            if (pair[0] == null || pair[1] == null || INPUT_SIZE % grid != 0) {
                throw new IllegalStateException("NanoDet outputs for a " + grid + "×" + grid + " grid are incomplete");
            }
            levels.add(new LevelOutputs(INPUT_SIZE / grid, grid, pair[0], pair[1]));
        });
        return levels;
    }

    @Override
    public void close() {
        model.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the object detector's session failed", e);
        }
    }
}
