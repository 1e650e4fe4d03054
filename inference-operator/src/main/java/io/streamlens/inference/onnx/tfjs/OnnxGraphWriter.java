package io.streamlens.inference.onnx.tfjs;

import io.streamlens.inference.onnx.OnnxModelBuilder.Attribute;
import io.streamlens.inference.onnx.OnnxModelBuilder.ElementType;
import io.streamlens.inference.onnx.OnnxModelBuilder;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits ONNX nodes and initializers for the importer, with unique, readable names derived from
 * the TensorFlow nodes. Constants become initializers when a node first needs them; float16
 * weights are stored at half size and cast to float once (ONNX Runtime folds the cast at load).
 */
final class OnnxGraphWriter {

    private final OnnxModelBuilder builder;
    private final Set<String> names = new HashSet<>();
    private final Map<ConstTensor, String> emitted = new IdentityHashMap<>();

    OnnxGraphWriter(OnnxModelBuilder builder) {
        this.builder = builder;
    }

    /** A name not used yet, {@code base} itself if free. */
    String fresh(String base) {
        String name = base;
        for (int k = 1; !names.add(name); k++) {
            name = base + "/" + k;
        }
        return name;
    }

    /** Reserves a name that must stay exactly as it is (a TensorFlow tensor or a graph port). */
    String claim(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("tensor name " + name + " is used twice");
        }
        return name;
    }

    /** The name of a constant as an initializer (float16 as float), emitted on first use. */
    String constant(ConstTensor c, String hint) {
        String known = emitted.get(c);
        if (known != null) {
            return known;
        }
        String name;
        if (c.type() == TfType.HALF) {
            String half = fresh(hint + "/float16");
            builder.initializer(half, ElementType.FLOAT16, c.raw(), c.shape());
            name = fresh(hint);
            builder.node("Cast", List.of(half), name, Attribute.integer("to", ElementType.FLOAT.code()));
        } else {
            name = fresh(hint);
            builder.initializer(name, c.type().onnx, c.raw(), c.shape());
        }
        emitted.put(c, name);
        return name;
    }

    String int64s(String hint, long... values) {
        return constant(ConstTensor.ofLongs(TfType.INT64, new long[] {values.length}, values), hint);
    }

    String floatScalar(String hint, float value) {
        return constant(ConstTensor.ofFloats(new long[0], value), hint);
    }

    /** One node with one output named {@code out} (already unique). */
    String node(String op, List<String> inputs, String out, Attribute... attributes) {
        builder.node(op, inputs, out, attributes);
        return out;
    }

    void node(String op, List<String> inputs, List<String> outs, Attribute... attributes) {
        builder.node(op, inputs, outs, attributes);
    }

    /** A node whose output gets a fresh name from {@code hint}. */
    String temp(String op, List<String> inputs, String hint, Attribute... attributes) {
        return node(op, inputs, fresh(hint), attributes);
    }
}
