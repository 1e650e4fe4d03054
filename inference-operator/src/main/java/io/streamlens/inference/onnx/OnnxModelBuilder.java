package io.streamlens.inference.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes an ONNX model file ({@code ModelProto}) from Java, for hand-built models: the
 * {@code tiny-color} test pack and micro models in tests. Covers the subset these need: graph
 * inputs and outputs with symbolic dimensions, initializers of any element type (float and int64
 * from arrays, others from raw little-endian bytes), and nodes with int, ints, float, floats and
 * string attributes. The TF.js importer ({@code onnx.tfjs}) writes whole converted models with it.
 *
 * <pre>{@code
 * OnnxModelBuilder b = new OnnxModelBuilder("double", 17);
 * b.input("x", ElementType.FLOAT, "batch", 4);
 * b.initializer("two", new float[] {2f});
 * b.node("Mul", List.of("x", "two"), "y");
 * b.output("y", ElementType.FLOAT, "batch", 4);
 * byte[] model = b.build();
 * }</pre>
 *
 * <p>Field numbers follow {@code onnx.proto} (IR version 8, which ONNX Runtime 1.29 reads for
 * opsets up to 21).
 */
public final class OnnxModelBuilder {

    /** Tensor element types, with their {@code TensorProto.DataType} numbers. */
    public enum ElementType {
        FLOAT(1, 4), UINT8(2, 1), INT8(3, 1), INT32(6, 4), INT64(7, 8), BOOL(9, 1), FLOAT16(10, 2);

        final int code;
        /** Bytes per element in raw (little-endian) tensor data. */
        public final int bytes;

        ElementType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        public int code() {
            return code;
        }
    }

    /** A node attribute. */
    public record Attribute(String name, int type, long[] ints, float[] floats, String text) {

        private static final int FLOAT = 1;
        private static final int INT = 2;
        private static final int STRING = 3;
        private static final int FLOATS = 6;
        private static final int INTS = 7;

        public Attribute(String name, int type, long[] ints, float value) {
            this(name, type, ints, new float[] {value}, "");
        }

        public static Attribute floats(String name, float... values) {
            return new Attribute(name, FLOATS, new long[0], values.clone(), "");
        }

        public static Attribute string(String name, String value) {
            return new Attribute(name, STRING, new long[0], new float[0], value);
        }

        public static Attribute ints(String name, long... values) {
            return new Attribute(name, INTS, values.clone(), 0);
        }

        public static Attribute integer(String name, long value) {
            return new Attribute(name, INT, new long[] {value}, 0);
        }

        public static Attribute real(String name, float value) {
            return new Attribute(name, FLOAT, new long[0], value);
        }

        ProtoWriter encode() {
            ProtoWriter w = new ProtoWriter().string(1, name).int64(20, type);
            switch (type) {
                case FLOAT -> w.float32(2, floats[0]);
                case INT -> w.int64(3, ints[0]);
                case STRING -> w.string(4, text);
                case FLOATS -> {
                    for (float v : floats) {
                        w.float32(7, v);
                    }
                }
                default -> {
                    for (long v : ints) {
                        w.int64(8, v);
                    }
                }
            }
            return w;
        }
    }

    private static final int IR_VERSION = 8;

    private final String graphName;
    private final int opset;
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private String docString = "";

    public OnnxModelBuilder(String graphName, int opset) {
        this.graphName = Objects.requireNonNull(graphName, "graphName");
        this.opset = opset;
    }

    public OnnxModelBuilder doc(String text) {
        this.docString = text;
        return this;
    }

    /** A graph input; each dimension is an Integer (fixed) or a String (symbolic, e.g. "batch"). */
    public OnnxModelBuilder input(String name, ElementType type, Object... dims) {
        inputs.add(valueInfo(name, type, dims));
        return this;
    }

    /** A graph output; {@code dims} null leaves its shape unstated. */
    public OnnxModelBuilder output(String name, ElementType type, Object... dims) {
        outputs.add(valueInfo(name, type, dims));
        return this;
    }

    public OnnxModelBuilder initializer(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return tensor(name, ElementType.FLOAT, raw.array(), values.length, dims);
    }

    public OnnxModelBuilder initializer(String name, long[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return tensor(name, ElementType.INT64, raw.array(), values.length, dims);
    }

    /** An initializer from raw little-endian element data, e.g. float16 weights kept at half size. */
    public OnnxModelBuilder initializer(String name, ElementType type, byte[] raw, long... dims) {
        if (raw.length % type.bytes != 0) {
            throw new IllegalArgumentException(name + ": " + raw.length + " bytes is no whole number of " + type);
        }
        return tensor(name, type, raw, raw.length / type.bytes, dims);
    }

    public OnnxModelBuilder node(String opType, List<String> nodeInputs, String nodeOutput, Attribute... attributes) {
        return node(opType, nodeInputs, List.of(nodeOutput), attributes);
    }

    public OnnxModelBuilder node(String opType, List<String> nodeInputs, List<String> nodeOutputs,
            Attribute... attributes) {
        ProtoWriter n = new ProtoWriter();
        for (String in : nodeInputs) {
            n.string(1, in);
        }
        for (String out : nodeOutputs) {
            n.string(2, out);
        }
        n.string(3, opType + "_" + nodes.size()).string(4, opType);
        for (Attribute a : attributes) {
            n.message(5, a.encode());
        }
        nodes.add(n);
        return this;
    }

    public byte[] build() {
        ProtoWriter graph = new ProtoWriter();
        for (ProtoWriter n : nodes) {
            graph.message(1, n);
        }
        graph.string(2, graphName);
        for (ProtoWriter t : initializers) {
            graph.message(5, t);
        }
        if (!docString.isEmpty()) {
            graph.string(10, docString);
        }
        for (ProtoWriter i : inputs) {
            graph.message(11, i);
        }
        for (ProtoWriter o : outputs) {
            graph.message(12, o);
        }
        ProtoWriter opsetImport = new ProtoWriter().string(1, "").int64(2, opset);
        return new ProtoWriter()
                .int64(1, IR_VERSION)
                .string(2, "streamlens")
                .message(7, graph)
                .message(8, opsetImport)
                .toByteArray();
    }

    private OnnxModelBuilder tensor(String name, ElementType type, byte[] raw, int count, long[] dims) {
        long expected = 1;
        for (long d : dims) {
            expected *= d;
        }
        if (expected != count) {
            throw new IllegalArgumentException(name + ": " + count + " values for dims of " + expected);
        }
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.int64(1, d);
        }
        t.int64(2, type.code).string(8, name).bytes(9, raw);
        initializers.add(t);
        return this;
    }

    private static ProtoWriter valueInfo(String name, ElementType type, Object[] dims) {
        if (dims == null) {
            ProtoWriter typeOnly = new ProtoWriter().message(1, new ProtoWriter().int64(1, type.code));
            return new ProtoWriter().string(1, name).message(2, typeOnly);
        }
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (d instanceof Integer fixed) {
                dim.int64(1, fixed);
            } else if (d instanceof String symbol) {
                dim.string(2, symbol);
            } else {
                throw new IllegalArgumentException("dimension " + d + " of " + name + " is neither Integer nor String");
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().int64(1, type.code).message(2, shape);
        ProtoWriter typeProto = new ProtoWriter().message(1, tensorType);
        return new ProtoWriter().string(1, name).message(2, typeProto);
    }
}
