package io.streamlens.inference.onnx.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js graph model as read from disk: {@code model.json} (GraphDef nodes in JSON, a weights
 * manifest, a signature) and its binary shards, with every weight dequantised to the element type
 * TensorFlow would compute with, except float16 which is kept as it is stored (ONNX casts it).
 */
record TfjsGraph(List<Node> nodes, Map<String, ConstTensor> weights, List<Port> inputs, List<Port> outputs) {

    /** A GraphDef node; {@code inputs} without control dependencies ({@code ^name}). */
    record Node(String name, String op, List<String> inputs, JsonNode attr) {

        boolean has(String key) {
            return attr.has(key);
        }

        String string(String key, String fallback) {
            JsonNode s = attr.path(key).path("s");
            return s.isMissingNode() ? fallback : new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8);
        }

        long integer(String key, long fallback) {
            JsonNode i = attr.path(key).path("i");
            return i.isMissingNode() ? fallback : Long.parseLong(i.asText());
        }

        float real(String key, float fallback) {
            JsonNode f = attr.path(key).path("f");
            return f.isMissingNode() ? fallback : (float) f.asDouble();
        }

        boolean flag(String key) {
            return attr.path(key).path("b").asBoolean(false);
        }

        long[] ints(String key) {
            JsonNode list = attr.path(key).path("list").path("i");
            long[] out = new long[list.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = Long.parseLong(list.get(k).asText());
            }
            return out;
        }

        List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            for (JsonNode s : attr.path(key).path("list").path("s")) {
                out.add(new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8));
            }
            return out;
        }

        TfType type(String key) {
            JsonNode t = attr.path(key).path("type");
            return t.isMissingNode() ? TfType.FLOAT : TfType.of(t.asText());
        }

        @Override
        public String toString() {
            return op + " '" + name + "'";
        }
    }

    /** A signature entry: tensor name without the {@code :0}, type and dimensions (-1 unknown). */
    record Port(String name, TfType type, long[] dims) {
    }

    static TfjsGraph read(Path modelJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(modelJson.toFile());
        if (!"graph-model".equals(root.path("format").asText("graph-model"))) {
            throw new IllegalArgumentException(modelJson + " is a " + root.path("format").asText() + ", not a graph-model");
        }
        List<Node> nodes = new ArrayList<>();
        for (JsonNode n : root.path("modelTopology").path("node")) {
            List<String> inputs = new ArrayList<>();
            for (JsonNode in : n.path("input")) {
                if (!in.asText().startsWith("^")) {
                    inputs.add(in.asText());
                }
            }
            nodes.add(new Node(n.path("name").asText(), n.path("op").asText(), inputs, n.path("attr")));
        }
        Map<String, ConstTensor> weights = readWeights(root.path("weightsManifest"), modelJson.getParent());
        JsonNode signature = root.has("signature") ? root.path("signature")
                : root.path("userDefinedMetadata").path("signature");
        return new TfjsGraph(nodes, weights, ports(signature.path("inputs")), ports(signature.path("outputs")));
    }

    private static List<Port> ports(JsonNode entries) {
        List<Port> out = new ArrayList<>();
        for (JsonNode e : entries) { // signature order, which TF.js also keeps for its outputs
            String name = e.path("name").asText();
            if (name.endsWith(":0")) {
                name = name.substring(0, name.length() - 2);
            }
            JsonNode dim = e.path("tensorShape").path("dim");
            long[] dims = new long[dim.size()];
            for (int k = 0; k < dims.length; k++) {
                dims[k] = dim.get(k).path("size").asLong(-1);
            }
            out.add(new Port(name, TfType.of(e.path("dtype").asText("DT_FLOAT")), dims));
        }
        return out;
    }

    private static Map<String, ConstTensor> readWeights(JsonNode manifest, Path dir) throws IOException {
        Map<String, ConstTensor> weights = new LinkedHashMap<>();
        for (JsonNode group : manifest) {
            ByteArrayOutputStream shards = new ByteArrayOutputStream();
            for (JsonNode p : group.path("paths")) {
                shards.write(Files.readAllBytes(dir.resolve(p.asText())));
            }
            ByteBuffer data = ByteBuffer.wrap(shards.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : group.path("weights")) {
                long[] shape = new long[w.path("shape").size()];
                for (int k = 0; k < shape.length; k++) {
                    shape[k] = w.path("shape").get(k).asLong();
                }
                weights.put(w.path("name").asText(), weight(w, shape, data));
            }
        }
        return weights;
    }

    private static ConstTensor weight(JsonNode w, long[] shape, ByteBuffer data) {
        int n = Math.toIntExact(ConstTensor.count(shape));
        TfType type = TfType.of(w.path("dtype").asText());
        JsonNode q = w.path("quantization");
        if (q.isMissingNode()) {
            byte[] raw = new byte[n * type.onnx.bytes];
            data.get(raw);
            return new ConstTensor(type, shape, raw);
        }
        String stored = q.path("dtype").asText();
        if (stored.equals("float16")) {
            byte[] raw = new byte[n * 2];
            data.get(raw);
            return new ConstTensor(TfType.HALF, shape, raw);
        }
        if (!stored.equals("uint8") && !stored.equals("uint16")) {
            throw new UnsupportedOperationException("weight " + w.path("name").asText() + " quantised as " + stored);
        }
        // Affine quantisation: TF.js computes q * scale + min in double and stores a float32.
        double scale = q.path("scale").asDouble();
        double min = q.path("min").asDouble();
        float[] values = new float[n];
        for (int k = 0; k < n; k++) {
            int v = stored.equals("uint8") ? data.get() & 0xff : data.getShort() & 0xffff;
            values[k] = (float) (v * scale + min);
        }
        ConstTensor f = ConstTensor.ofFloats(shape, values);
        return type == TfType.FLOAT ? f : f.cast(type);
    }
}
