package io.streamlens.inference.onnx.tfjs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writes small TF.js graph models for importer tests: one float input, float32 weights, a few nodes. */
final class TinyTfjsModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode nodes;
    private final ArrayNode weights;
    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();

    TinyTfjsModel(String input, long... shape) {
        root.put("format", "graph-model");
        nodes = root.putObject("modelTopology").putArray("node");
        ObjectNode placeholder = node(input, "Placeholder");
        ObjectNode attr = (ObjectNode) placeholder.get("attr");
        attr.putObject("dtype").put("type", "DT_FLOAT");
        ArrayNode dims = attr.putObject("shape").putObject("shape").putArray("dim");
        for (long d : shape) {
            dims.addObject().put("size", String.valueOf(d));
        }
        ObjectNode group = root.putArray("weightsManifest").addObject();
        group.putArray("paths").add("model.bin");
        weights = group.putArray("weights");
    }

    TinyTfjsModel floats(String name, float[] values, long... shape) {
        node(name, "Const");
        ObjectNode w = weights.addObject().put("name", name).put("dtype", "float32");
        ArrayNode s = w.putArray("shape");
        for (long d : shape) {
            s.add(d);
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        bin.writeBytes(b.array());
        return this;
    }

    /** A node; {@code attrs} alternate key and a raw JSON attribute value such as {@code {"i":"2"}}. */
    TinyTfjsModel op(String name, String op, String[] inputs, String... attrs) throws IOException {
        ObjectNode n = node(name, op);
        ArrayNode in = n.putArray("input");
        for (String i : inputs) {
            in.add(i);
        }
        for (int k = 0; k < attrs.length; k += 2) {
            ((ObjectNode) n.get("attr")).set(attrs[k], JSON.readTree(attrs[k + 1]));
        }
        return this;
    }

    static String text(String s) {
        return "{\"s\":\"" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    static String ints(long... values) {
        StringBuilder b = new StringBuilder("{\"list\":{\"i\":[");
        for (int k = 0; k < values.length; k++) {
            b.append(k > 0 ? "," : "").append('"').append(values[k]).append('"');
        }
        return b.append("]}}").toString();
    }

    Path write(Path dir) throws IOException {
        Files.write(dir.resolve("model.bin"), bin.toByteArray());
        Path json = dir.resolve("model.json");
        JSON.writeValue(json.toFile(), root);
        return json;
    }

    private ObjectNode node(String name, String op) {
        ObjectNode n = nodes.addObject().put("name", name).put("op", op);
        n.putObject("attr");
        return n;
    }
}
