package io.streamlens.inference.vlm;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.VisualTokens;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.ImageOps;
import io.streamlens.inference.runtime.ModelInput;
import io.streamlens.inference.runtime.Tensors;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pixels to visual tokens through a pack's {@code vision_encoder.onnx}.
 *
 * <p>Takes the two public input layouts: {@code pixel_values [batch, 3, H, W]} (vit-gpt2 style)
 * and {@code [batch, tiles, 3, H, W]} with a boolean {@code pixel_attention_mask} (SmolVLM). Each
 * frame goes in as one tile, the whole image resized to the pack's size, which is what SmolVLM does
 * with its global tile; splitting large frames into more tiles would multiply tokens that
 * compression then removes again.
 *
 * <p>Preparation ({@link #prepare}) is separate from the call ({@link #encode}) so that resizing
 * runs in the caller's thread and only the model call runs on the batcher's.
 */
public final class VisionEncoder {

    /** A frame resized and normalised: {@code 3 × height × width} floats, channel planes. */
    public record PreparedImage(int width, int height, float[] chw) {
    }

    private static final String PIXELS = "pixel_values";
    private static final String PIXEL_MASK = "pixel_attention_mask";
    private static final String FEATURES = "image_features";

    private final OrtSession session;
    private final VlmSpec.ImageSpec spec;
    private final boolean tiled;
    private final boolean hasPixelMask;
    private final String output;
    private final int hidden;

    private VisionEncoder(OrtSession session, VlmSpec.ImageSpec spec, boolean tiled, boolean hasPixelMask,
            String output, int hidden) {
        this.session = session;
        this.spec = spec;
        this.tiled = tiled;
        this.hasPixelMask = hasPixelMask;
        this.output = output;
        this.hidden = hidden;
    }

    /** Checks the session against the layout; empty when it does not fit (problems noted). */
    static Optional<VisionEncoder> bind(OrtSession session, SessionContract contract, VlmSpec.ImageSpec spec) {
        NodeInfo pixels = contract.inputs().get(PIXELS);
        if (pixels == null) {
            contract.input(PIXELS, 4, OnnxJavaType.FLOAT);
            return Optional.empty();
        }
        if (!(pixels.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT
                || (info.getShape().length != 4 && info.getShape().length != 5)) {
            contract.problem("input '" + PIXELS + "' must be FLOAT [batch, 3, H, W] or [batch, tiles, 3, H, W], is "
                    + pixels.getInfo());
            return Optional.empty();
        }
        long[] shape = info.getShape();
        boolean tiled = shape.length == 5;
        int c = shape.length - 3;
        boolean ok = true;
        if (shape[c] >= 0 && shape[c] != 3) {
            contract.problem("input '" + PIXELS + "' has " + shape[c] + " channels, expected 3");
            ok = false;
        }
        if ((shape[c + 1] >= 0 && shape[c + 1] != spec.height()) || (shape[c + 2] >= 0 && shape[c + 2] != spec.width())) {
            contract.problem("input '" + PIXELS + "' takes " + SessionContract.shape(info) + " but pack.json's image is "
                    + spec.width() + "x" + spec.height());
            ok = false;
        }
        boolean mask = contract.optionalInput(PIXEL_MASK, 4, OnnxJavaType.BOOL).isPresent();
        for (String name : contract.inputs().keySet()) {
            if (!name.equals(PIXELS) && !name.equals(PIXEL_MASK)) {
                contract.problem("has an input '" + name + "' that the vlm layout does not feed");
                ok = false;
            }
        }
        String out = contract.outputs().containsKey(FEATURES) ? FEATURES : contract.soleOutput().orElse(null);
        if (out == null) {
            return Optional.empty();
        }
        Optional<TensorInfo> features = contract.output(out, 3, OnnxJavaType.FLOAT);
        if (features.isEmpty() || !ok) {
            return Optional.empty();
        }
        int hidden = (int) features.get().getShape()[2];
        return Optional.of(new VisionEncoder(session, spec, tiled, mask, out, hidden));
    }

    /** Features per token, or -1 when the model leaves it symbolic. */
    public int hidden() {
        return hidden;
    }

    /** Resizes and normalises a frame; throws {@code image-too-small} for a frame nothing can be read from. */
    public PreparedImage prepare(RgbImage image) {
        image.requireReadable();
        float[] hwc = ImageOps.resize(image, spec.width(), spec.height());
        float[] chw = new float[3 * spec.width() * spec.height()];
        ImageOps.toChw(hwc, spec.width(), spec.height(), spec.normalization(), chw, 0, spec.width(), spec.height());
        return new PreparedImage(spec.width(), spec.height(), chw);
    }

    /** The tensors of one call for these frames: pixels stacked on the batch axis, and the mask if the model takes one. */
    public ModelInput input(List<PreparedImage> images) throws OrtException {
        int batch = images.size();
        FloatBuffer pixels = Tensors.directFloats(batch * 3 * spec.width() * spec.height());
        for (PreparedImage image : images) {
            pixels.put(image.chw());
        }
        long[] shape = tiled
                ? new long[] {batch, 1, 3, spec.height(), spec.width()}
                : new long[] {batch, 3, spec.height(), spec.width()};
        return ModelInput.build(in -> {
            in.put(PIXELS, Tensors.floats(pixels, shape));
            if (hasPixelMask) {
                in.put(PIXEL_MASK, Tensors.bools(true, batch, 1, spec.height(), spec.width()));
            }
        });
    }

    /** One model call for all the frames; one {@link VisualTokens} per frame, in order. */
    public List<VisualTokens> encode(List<PreparedImage> images) throws OrtException {
        int batch = images.size();
        try (ModelInput input = input(images); OrtSession.Result result = input.run(session, Set.of(output))) {
            OnnxTensor features = Tensors.output(result, output);
            long[] outShape = Tensors.shape(features);
            float[] values = Tensors.copyFloats(features);
            int featureWidth = (int) outShape[2];
            int rowsPerImage = (int) (outShape[0] * outShape[1] / batch);
            int perImage = rowsPerImage * featureWidth;
            List<VisualTokens> tokens = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                float[] mine = new float[perImage];
                System.arraycopy(values, i * perImage, mine, 0, perImage);
                tokens.add(new VisualTokens(rowsPerImage, featureWidth, mine));
            }
            return tokens;
        }
    }

    /** The session call alone, without preparing inputs or reading outputs: the baseline of benchmarks. */
    public void runBare(ModelInput input) throws OrtException {
        try (OrtSession.Result ignored = input.run(session, Set.of(output))) {
            // only the call is measured
        }
    }
}
