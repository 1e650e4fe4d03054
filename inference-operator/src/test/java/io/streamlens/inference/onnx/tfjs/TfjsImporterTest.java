package io.streamlens.inference.onnx.tfjs;

import static io.streamlens.inference.onnx.tfjs.TinyTfjsModel.ints;
import static io.streamlens.inference.onnx.tfjs.TinyTfjsModel.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.runtime.SessionFactory;
import io.streamlens.inference.runtime.Tensors;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single ops with TensorFlow's semantics checked against plain Java loops written from TF's definitions. */
class TfjsImporterTest {

    private static final int H = 5;
    private static final int W = 6;
    private static final int C = 2;

    @TempDir
    Path dir;

    @Test
    void convolutionWithSamePaddingAndStrideTwoPadsTheOddPixelAtTheEnd() throws Exception {
        float[] filter = random(3 * 3 * C * 3, 1); // [kh, kw, in, out]
        float[] bias = {0.5f, -0.25f, 1f};
        Path model = new TinyTfjsModel("x", 1, H, W, C).floats("filter", filter, 3, 3, C, 3).floats("bias", bias, 3)
                .op("y", "_FusedConv2D", new String[] {"x", "filter", "bias"}, "padding", text("SAME"),
                        "strides", ints(1, 2, 2, 1), "dilations", ints(1, 1, 1, 1), "data_format", text("NHWC"),
                        "fused_ops", "{\"list\":{\"s\":[\"Qmlhc0FkZA==\",\"UmVsdQ==\"]}}", "num_args", "{\"i\":\"1\"}")
                .write(dir);
        float[] x = random(H * W * C, 2);

        float[] y = run(model, x, 1, H, W, C);

        assertThat(y).containsExactly(conv(x, filter, bias, 3, 2, false, true), within(1e-5f));
    }

    @Test
    void depthwiseConvolutionWithAMultiplierAndValidPadding() throws Exception {
        float[] filter = random(3 * 3 * C * 2, 3); // [kh, kw, in, multiplier]
        Path model = new TinyTfjsModel("x", 1, H, W, C).floats("filter", filter, 3, 3, C, 2)
                .op("y", "DepthwiseConv2dNative", new String[] {"x", "filter"}, "padding", text("VALID"),
                        "strides", ints(1, 1, 1, 1), "data_format", text("NHWC"))
                .write(dir);
        float[] x = random(H * W * C, 4);

        float[] y = run(model, x, 1, H, W, C);

        assertThat(y).containsExactly(conv(x, filter, new float[C * 2], 2, 1, true, false), within(1e-5f));
    }

    @Test
    void conversionIsDeterministic() throws Exception {
        Path model = new TinyTfjsModel("x", 1, H, W, C).floats("filter", random(18 * C, 5), 3, 3, C, 1)
                .op("y", "Conv2D", new String[] {"x", "filter"}, "padding", text("SAME"), "strides", ints(1, 1, 1, 1))
                .write(dir);

        assertThat(TfjsImporter.convert(model, TfjsImporter.Options.fixedBatch()))
                .isEqualTo(TfjsImporter.convert(model, TfjsImporter.Options.fixedBatch()));
    }

    @Test
    void unsupportedOpsAreNamedWithANodeWhereTheyOccur() throws Exception {
        Path model = new TinyTfjsModel("x", 1, 4).op("e", "Erf", new String[] {"x"})
                .op("y", "Cumsum", new String[] {"e"}).write(dir);

        assertThatThrownBy(() -> TfjsImporter.convert(model, TfjsImporter.Options.fixedBatch()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Erf (e.g. node 'e')").hasMessageContaining("Cumsum (e.g. node 'y')");
    }

    private static float[] run(Path model, float[] x, long... shape) throws Exception {
        byte[] onnx = TfjsImporter.convert(model, TfjsImporter.Options.fixedBatch());
        try (OrtSession session = SessionFactory.environment().createSession(onnx, new OrtSession.SessionOptions());
                OnnxTensor input = Tensors.floats(x, shape);
                OrtSession.Result r = session.run(Map.of("x", input))) {
            return Tensors.copyFloats(Tensors.output(r, "y"));
        }
    }

    /**
     * TensorFlow's convolution on one NHWC image, from its definition: SAME pads
     * {@code max((ceil(in/s) - 1)·s + k - in, 0)} in total with the smaller half first.
     */
    private static float[] conv(float[] x, float[] filter, float[] bias, int outPerIn, int stride, boolean depthwise, boolean relu) {
        int k = 3;
        int outC = depthwise ? C * outPerIn : outPerIn;
        int oh;
        int ow;
        int padTop;
        int padLeft;
        if (relu) { // SAME (the fused test)
            oh = (H + stride - 1) / stride;
            ow = (W + stride - 1) / stride;
            padTop = Math.max((oh - 1) * stride + k - H, 0) / 2;
            padLeft = Math.max((ow - 1) * stride + k - W, 0) / 2;
        } else {
            oh = (H - k) / stride + 1;
            ow = (W - k) / stride + 1;
            padTop = 0;
            padLeft = 0;
        }
        float[] y = new float[oh * ow * outC];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int o = 0; o < outC; o++) {
                    double sum = bias[o];
                    for (int di = 0; di < k; di++) {
                        for (int dj = 0; dj < k; dj++) {
                            int r = i * stride + di - padTop;
                            int c = j * stride + dj - padLeft;
                            if (r < 0 || r >= H || c < 0 || c >= W) {
                                continue;
                            }
                            if (depthwise) {
                                int in = o / outPerIn;
                                sum += x[(r * W + c) * C + in] * filter[((di * k + dj) * C + in) * outPerIn + o % outPerIn];
                            } else {
                                for (int in = 0; in < C; in++) {
                                    sum += x[(r * W + c) * C + in] * filter[((di * k + dj) * C + in) * outC + o];
                                }
                            }
                        }
                    }
                    y[(i * ow + j) * outC + o] = relu ? (float) Math.max(0, sum) : (float) sum;
                }
            }
        }
        return y;
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
