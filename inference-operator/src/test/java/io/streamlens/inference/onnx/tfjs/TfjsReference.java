package io.streamlens.inference.onnx.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A reference written by {@code dev/tfjs-reference}: the model's input (regenerated here from the
 * same formula) and, per output, TF.js's shape, sum, sum of magnitudes and sampled elements.
 */
record TfjsReference(String model, String inputName, long[] inputShape, double lo, double hi, boolean integer, JsonNode outputs) {

    static TfjsReference load(String model) {
        try (InputStream in = TfjsReference.class.getResourceAsStream("/tfjs/" + model + ".json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode input = root.path("input");
            long[] shape = new long[input.path("shape").size()];
            for (int k = 0; k < shape.length; k++) {
                shape[k] = input.path("shape").get(k).asLong();
            }
            return new TfjsReference(model, input.path("name").asText(), shape, input.path("lo").asDouble(),
                    input.path("hi").asDouble(), input.path("int").asBoolean(), root.path("outputs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's {@code wave(i)}: smooth along the flat index, in [0, 1]. */
    static double wave(long i) {
        return 0.5 + 0.5 * Math.sin(0.0123 * i) * Math.cos(0.00041 * i + 0.3);
    }

    float[] floatInput() {
        float[] data = new float[(int) count()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (lo + (hi - lo) * wave(i));
        }
        return data;
    }

    int[] intInput() {
        int[] data = new int[(int) count()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (int) Math.floor(lo + (hi - lo) * wave(i));
        }
        return data;
    }

    long count() {
        long n = 1;
        for (long d : inputShape) {
            n *= d;
        }
        return n;
    }
}
