package io.streamlens.inference.perception;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.ImageOps;
import io.streamlens.inference.runtime.ModelInput;
import io.streamlens.inference.runtime.Normalization;
import io.streamlens.inference.runtime.Tensors;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a line crop with PP-OCRv4's recogniser: BGR, height 48, width following the crop's aspect
 * ratio, values normalised to [-1, 1], padded on the right to the widest crop of the call (at least
 * 320, the training width); output {@code [batch, T, classes]} decoded by {@link CtcDecoder}.
 */
public final class TextRecognizer {

    /** A line cut out of a frame and resized to the recogniser's height; RGB floats 0–255. */
    public record Crop(int width, float[] hwc) {
    }

    static final int HEIGHT = 48;
    static final int MIN_PADDED_WIDTH = 320;
    /** Longer crops are squeezed: 50 × the height holds about 80 characters. */
    static final int MAX_WIDTH = 50 * HEIGHT;
    static final Normalization SIGNED_BGR = new Normalization(1 / 255f,
            new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}, true);

    private final OrtSession session;
    private final String input;
    private final String output;
    private final CtcDecoder decoder;

    private TextRecognizer(OrtSession session, String input, String output, CtcDecoder decoder) {
        this.session = session;
        this.input = input;
        this.output = output;
        this.decoder = decoder;
    }

    static Optional<TextRecognizer> bind(OrtSession session, SessionContract contract, CtcDecoder decoder) {
        Optional<String> in = contract.soleInput();
        Optional<String> out = contract.soleOutput();
        if (in.isEmpty() || out.isEmpty() || contract.input(in.get(), 4, OnnxJavaType.FLOAT).isEmpty()) {
            return Optional.empty();
        }
        Optional<TensorInfo> probs = contract.output(out.get(), 3, OnnxJavaType.FLOAT);
        if (probs.isEmpty()) {
            return Optional.empty();
        }
        long classes = probs.get().getShape()[2];
        if (classes >= 0 && classes != decoder.classes()) {
            contract.problem("outputs " + classes + " classes, but the character list makes " + decoder.classes()
                    + " (blank + " + (decoder.classes() - 2) + " characters + space)");
            return Optional.empty();
        }
        return Optional.of(new TextRecognizer(session, in.get(), out.get(), decoder));
    }

    /** Cuts a line out of a frame and resizes it to the recogniser's height. */
    public Crop prepare(RgbImage image, TextBox box) {
        int width = (int) Math.round((double) HEIGHT * box.width() / box.height());
        width = Math.max(HEIGHT / 4, Math.min(width, MAX_WIDTH));
        return new Crop(width, ImageOps.resize(image, box.x(), box.y(), box.width(), box.height(), width, HEIGHT));
    }

    /**
     * Text of each crop. Crops are sorted by width and cut into calls whose widest crop is at most
     * twice the narrowest, so that a short word does not pay for the padding of a long line.
     */
    List<CtcDecoder.Decoded> recognize(List<Crop> crops) throws OrtException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> crops.get(i).width()));
        List<CtcDecoder.Decoded> result = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            result.add(null);
        }
        int start = 0;
        while (start < order.size()) {
            int narrowest = Math.max(crops.get(order.get(start)).width(), MIN_PADDED_WIDTH);
            int end = start + 1;
            while (end < order.size() && crops.get(order.get(end)).width() <= 2 * narrowest) {
                end++;
            }
            List<Integer> call = order.subList(start, end);
            List<CtcDecoder.Decoded> decoded = run(call.stream().map(crops::get).toList());
            for (int k = 0; k < call.size(); k++) {
                result.set(call.get(k), decoded.get(k));
            }
            start = end;
        }
        return result;
    }

    /** The tensor of one call: crops normalised and padded on the right to the widest (at least 320). */
    public ModelInput input(List<Crop> crops) throws OrtException {
        int padded = MIN_PADDED_WIDTH;
        for (Crop c : crops) {
            padded = Math.max(padded, c.width());
        }
        int width = padded;
        FloatBuffer batch = Tensors.directFloats(crops.size() * 3 * HEIGHT * width);
        float[] planes = new float[3 * HEIGHT * width];
        for (Crop c : crops) {
            Arrays.fill(planes, 0f);
            ImageOps.toChw(c.hwc(), c.width(), HEIGHT, SIGNED_BGR, planes, 0, width, HEIGHT);
            batch.put(planes);
        }
        return ModelInput.build(in -> in.put(input, Tensors.floats(batch, crops.size(), 3, HEIGHT, width)));
    }

    /** The session call alone, without preparing inputs or decoding: the baseline of benchmarks. */
    public void runBare(ModelInput in) throws OrtException {
        try (OrtSession.Result ignored = in.run(session, Set.of(output))) {
            // only the call is measured
        }
    }

    private List<CtcDecoder.Decoded> run(List<Crop> crops) throws OrtException {
        try (ModelInput in = input(crops); OrtSession.Result r = in.run(session, Set.of(output))) {
            OnnxTensor probs = Tensors.output(r, output);
            long[] shape = Tensors.shape(probs);
            float[] values = Tensors.copyFloats(probs);
            int steps = (int) shape[1];
            int classes = (int) shape[2];
            List<CtcDecoder.Decoded> out = new ArrayList<>(crops.size());
            for (int i = 0; i < crops.size(); i++) {
                out.add(decoder.decode(values, i * steps * classes, steps, classes));
            }
            return out;
        }
    }
}
