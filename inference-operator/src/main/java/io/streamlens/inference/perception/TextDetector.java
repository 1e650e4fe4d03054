package io.streamlens.inference.perception;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.ImageOps;
import io.streamlens.inference.runtime.ModelInput;
import io.streamlens.inference.runtime.Normalization;
import io.streamlens.inference.runtime.Tensors;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds text lines with PP-OCRv4's detector: BGR, ImageNet mean and std, sides rounded to
 * multiples of 32 with the longer side at most 960, then {@link DbPostProcessor} and
 * {@link LineLayout#mergeLines}.
 */
public final class TextDetector {

    /** A frame resized and normalised for the detector. */
    public record PreparedFrame(RgbImage image, int width, int height, float[] chw) {
    }

    static final int MAX_SIDE = 960;
    static final int STRIDE = 32;
    static final Normalization IMAGENET_BGR = new Normalization(1 / 255f,
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, true);

    private final OrtSession session;
    private final String input;
    private final String output;

    private TextDetector(OrtSession session, String input, String output) {
        this.session = session;
        this.input = input;
        this.output = output;
    }

    static Optional<TextDetector> bind(OrtSession session, SessionContract contract) {
        Optional<String> in = contract.soleInput();
        Optional<String> out = contract.soleOutput();
        if (in.isEmpty() || out.isEmpty()
                || contract.input(in.get(), 4, OnnxJavaType.FLOAT).isEmpty()
                || contract.output(out.get(), 4, OnnxJavaType.FLOAT).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TextDetector(session, in.get(), out.get()));
    }

    /** Resizes and normalises a frame in the caller's thread; {@code image-too-small} below 16 px. */
    public PreparedFrame prepare(RgbImage image) {
        image.requireReadable();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.width(), image.height()));
        int w = roundToStride(image.width() * scale);
        int h = roundToStride(image.height() * scale);
        float[] hwc = ImageOps.resize(image, w, h);
        float[] chw = new float[3 * w * h];
        ImageOps.toChw(hwc, w, h, IMAGENET_BGR, chw, 0, w, h);
        return new PreparedFrame(image, w, h, chw);
    }

    /** Text boxes of each frame, merged into lines; frames of equal input size share a call. */
    public List<List<TextBox>> detect(List<PreparedFrame> frames) throws OrtException {
        Map<Long, List<Integer>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            bySize.computeIfAbsent(((long) frames.get(i).width() << 32) | frames.get(i).height(), k -> new ArrayList<>()).add(i);
        }
        List<List<TextBox>> result = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            result.add(null);
        }
        for (List<Integer> group : bySize.values()) {
            List<PreparedFrame> sameSize = group.stream().map(frames::get).toList();
            int w = sameSize.get(0).width();
            int h = sameSize.get(0).height();
            float[] maps;
            try (ModelInput in = input(sameSize); OrtSession.Result r = in.run(session, Set.of(output))) {
                maps = Tensors.copyFloats(Tensors.output(r, output));
            }
            float[] map = new float[w * h];
            for (int g = 0; g < group.size(); g++) {
                PreparedFrame f = frames.get(group.get(g));
                System.arraycopy(maps, g * w * h, map, 0, w * h);
                List<TextBox> boxes = DbPostProcessor.boxes(map, w, h, f.image().width(), f.image().height());
                result.set(group.get(g), LineLayout.mergeLines(boxes));
            }
        }
        return result;
    }

    /** The tensor of one call: frames of one size stacked on the batch axis. */
    public ModelInput input(List<PreparedFrame> frames) throws OrtException {
        PreparedFrame first = frames.get(0);
        FloatBuffer batch = Tensors.directFloats(frames.size() * first.chw().length);
        for (PreparedFrame f : frames) {
            if (f.width() != first.width() || f.height() != first.height()) {
                throw new IllegalArgumentException("frames of one call must share a size: " + f.width() + "x"
                        + f.height() + " vs " + first.width() + "x" + first.height());
            }
            batch.put(f.chw());
        }
        return ModelInput.build(in -> in.put(input, Tensors.floats(batch, frames.size(), 3, first.height(), first.width())));
    }

    /** The session call alone, without preparing inputs or post-processing: the baseline of benchmarks. */
    public void runBare(ModelInput in) throws OrtException {
        try (OrtSession.Result ignored = in.run(session, Set.of(output))) {
            // only the call is measured
        }
    }

    private static int roundToStride(double side) {
        return Math.max(STRIDE, (int) Math.round(side / STRIDE) * STRIDE);
    }
}
