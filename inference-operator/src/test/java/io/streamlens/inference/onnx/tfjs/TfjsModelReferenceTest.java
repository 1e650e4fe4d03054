package io.streamlens.inference.onnx.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamlens.inference.runtime.SessionFactory;
import io.streamlens.inference.runtime.Tensors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The converted models against TF.js's CPU backend (references from {@code dev/tfjs-reference}).
 * Shipped models are tested as shipped; a model not shipped is converted from the npm package's
 * {@code models/} folder when {@code -Dstreamlens.tfjs.models=DIR} names it, else skipped.
 */
class TfjsModelReferenceTest {

    private static final double TOLERANCE = Double.parseDouble(System.getProperty("tfjs.tolerance", "1e-4"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nanodet, nanodet-g, true", "blazeface-back, blazeface-back, true", "emotion, emotion, false",
            "movenet-lightning, movenet-lightning, false"})
    void convertedModelMatchesTfjs(String model, String shippedAs, boolean symbolicBatch) throws Exception {
        Optional<byte[]> onnx = onnx(model, shippedAs, symbolicBatch);
        assumeTrue(onnx.isPresent(), model + " is not shipped and -Dstreamlens.tfjs.models is not set");
        TfjsReference ref = TfjsReference.load(model);
        try (OrtSession session = SessionFactory.environment().createSession(onnx.get(), new OrtSession.SessionOptions());
                OnnxTensor input = ref.integer()
                        ? OnnxTensor.createTensor(SessionFactory.environment(), IntBuffer.wrap(ref.intInput()), ref.inputShape())
                        : Tensors.floats(ref.floatInput(), ref.inputShape());
                OrtSession.Result result = session.run(Map.of(ref.inputName(), input))) {
            assertThat(session.getOutputNames()).hasSameSizeAs(iterable(ref.outputs().fieldNames()));
            for (Iterator<Map.Entry<String, JsonNode>> it = ref.outputs().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey().replaceFirst(":0$", "");
                OnnxTensor out = Tensors.output(result, name);
                JsonNode expected = e.getValue();
                assertThat(Tensors.shape(out)).as(name).containsExactly(longs(expected.path("shape")));
                float[] values = Tensors.copyFloats(out);
                double sum = 0;
                double sumAbs = 0;
                for (float v : values) {
                    sum += v;
                    sumAbs += Math.abs(v);
                }
                double scale = expected.path("sumAbs").asDouble();
                assertThat(sumAbs).as(name + " sum of magnitudes").isCloseTo(scale, within(1e-4 * scale + 1e-4));
                assertThat(sum).as(name + " sum").isCloseTo(expected.path("sum").asDouble(), within(1e-4 * scale + 1e-4));
                for (JsonNode sample : expected.path("samples")) {
                    int index = sample.get(0).asInt();
                    double v = sample.get(1).asDouble();
                    assertThat((double) values[index]).as(name + "[" + index + "]").isCloseTo(v, within(TOLERANCE + TOLERANCE * Math.abs(v)));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nanodet, nanodet-g", "blazeface-back, blazeface-back", "emotion, emotion"})
    void aBatchOfTwoGivesEachImageWhatItGetsAlone(String model, String shippedAs) throws Exception {
        Optional<byte[]> onnx = onnx(model, shippedAs, true);
        assumeTrue(onnx.isPresent(), model + " is not shipped and -Dstreamlens.tfjs.models is not set");
        TfjsReference ref = TfjsReference.load(model);
        float[] one = ref.floatInput();
        float[] two = new float[one.length * 2];
        for (int i = 0; i < one.length; i++) {
            two[i] = one[i];
            two[one.length + i] = 1 - one[i]; // a different second image
        }
        long[] batchShape = ref.inputShape().clone();
        batchShape[0] = 2;
        long[] secondShape = ref.inputShape();
        try (OrtSession session = SessionFactory.environment().createSession(onnx.get(), new OrtSession.SessionOptions());
                OnnxTensor batch = Tensors.floats(two, batchShape);
                OnnxTensor first = Tensors.floats(one, secondShape);
                OnnxTensor second = Tensors.floats(java.util.Arrays.copyOfRange(two, one.length, two.length), secondShape);
                OrtSession.Result both = session.run(Map.of(ref.inputName(), batch));
                OrtSession.Result alone1 = session.run(Map.of(ref.inputName(), first));
                OrtSession.Result alone2 = session.run(Map.of(ref.inputName(), second))) {
            for (String name : session.getOutputNames()) {
                float[] together = Tensors.copyFloats(Tensors.output(both, name));
                float[] a = Tensors.copyFloats(Tensors.output(alone1, name));
                float[] b = Tensors.copyFloats(Tensors.output(alone2, name));
                assertThat(Tensors.shape(Tensors.output(both, name))[0]).isEqualTo(2);
                assertThat(java.util.Arrays.copyOfRange(together, 0, a.length)).as(name).containsExactly(a, within(1e-5f));
                assertThat(java.util.Arrays.copyOfRange(together, a.length, together.length)).as(name).containsExactly(b, within(1e-5f));
            }
        }
    }

    static Optional<byte[]> onnx(String model, String shippedAs, boolean symbolicBatch) throws IOException {
        try (InputStream shipped = TfjsModelReferenceTest.class.getResourceAsStream("/models/" + shippedAs + "/model.onnx")) {
            if (shipped != null) {
                return Optional.of(shipped.readAllBytes());
            }
        }
        String dir = System.getProperty("streamlens.tfjs.models");
        if (dir == null || !Files.isRegularFile(Path.of(dir, model + ".json"))) {
            return Optional.empty();
        }
        return Optional.of(TfjsImporter.convert(Path.of(dir, model + ".json"),
                symbolicBatch ? TfjsImporter.Options.withSymbolicBatch() : TfjsImporter.Options.fixedBatch()));
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = array.get(k).asLong();
        }
        return out;
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
