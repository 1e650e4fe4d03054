package io.streamlens.inference.onnx.tfjs;

import io.streamlens.inference.onnx.OnnxModelBuilder.Attribute;
import io.streamlens.inference.onnx.tfjs.TfjsGraph.Node;
import io.streamlens.inference.onnx.tfjs.Value.Constant;
import io.streamlens.inference.onnx.tfjs.Value.Dynamic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one TensorFlow node into ONNX nodes with TensorFlow's semantics. Tensors stay in
 * TensorFlow's layout (NHWC); convolutions, pooling and resizing, which ONNX defines on NCHW, are
 * wrapped in transposes. ONNX Runtime's transpose optimiser removes the pairs that cancel, so
 * correctness costs little speed.
 */
final class NodeConverter {

    /** Every op this converter handles, to report all unsupported ones before converting anything. */
    static final Set<String> SUPPORTED = Set.of(
            "Const", "Placeholder", "Identity", "NoOp", "Add", "AddV2", "Sub", "Mul", "RealDiv", "Div", "FloorDiv",
            "Maximum", "Minimum", "Pow", "SquaredDifference", "BiasAdd", "Relu", "Relu6", "Elu", "LeakyRelu",
            "Sigmoid", "Tanh", "Sqrt", "Rsqrt", "Square", "Exp", "Log", "Neg", "Abs", "Floor", "Ceil", "Softmax",
            "Conv2D", "DepthwiseConv2dNative", "_FusedConv2D", "FusedDepthwiseConv2dNative", "MaxPool", "AvgPool",
            "Pad", "PadV2", "MirrorPad", "ConcatV2", "Reshape", "Transpose", "Squeeze", "ExpandDims", "Cast",
            "Mean", "Sum", "Max", "Min", "Prod", "ArgMax", "Pack", "Unpack", "Split", "SplitV", "Shape", "Fill",
            "StridedSlice", "GatherV2", "GatherNd", "ResizeBilinear", "ResizeNearestNeighbor", "FusedBatchNorm",
            "FusedBatchNormV3", "SparseToDense");

    private static final Map<String, String> UNARY = Map.ofEntries(Map.entry("Relu", "Relu"),
            Map.entry("Sigmoid", "Sigmoid"), Map.entry("Tanh", "Tanh"), Map.entry("Sqrt", "Sqrt"),
            Map.entry("Exp", "Exp"), Map.entry("Log", "Log"), Map.entry("Neg", "Neg"), Map.entry("Abs", "Abs"),
            Map.entry("Floor", "Floor"), Map.entry("Ceil", "Ceil"), Map.entry("Elu", "Elu"));
    private static final Map<String, String> BINARY = Map.of("Add", "Add", "AddV2", "Add", "Sub", "Sub",
            "Mul", "Mul", "RealDiv", "Div", "Div", "Div", "Maximum", "Max", "Minimum", "Min", "Pow", "Pow",
            "BiasAdd", "Add");
    private static final long[] TO_NCHW = {0, 3, 1, 2};
    private static final long[] TO_NHWC = {0, 2, 3, 1};

    private final OnnxGraphWriter out;
    /** Reshape targets whose first entry is the model's fixed batch (1) keep the caller's batch instead. */
    private final boolean symbolicBatch;

    NodeConverter(OnnxGraphWriter out, boolean symbolicBatch) {
        this.out = out;
        this.symbolicBatch = symbolicBatch;
    }

    /** The node's outputs, in order ({@code name}, {@code name:1}, …). */
    List<Value> convert(Node node, List<Value> in) {
        String op = node.op();
        String y = node.name();
        if (UNARY.containsKey(op)) {
            return one(y, in.get(0).type(), out.node(UNARY.get(op), List.of(name(in, 0, node)), out.claim(y)));
        }
        if (BINARY.containsKey(op)) {
            return one(y, in.get(0).type(), out.node(BINARY.get(op), names(in, node, 0, 1), out.claim(y)));
        }
        return switch (op) {
            case "Identity" -> List.of(in.get(0));
            case "Relu6" -> one(y, TfType.FLOAT, activation("Relu6", name(in, 0, node), out.claim(y), node, in));
            case "LeakyRelu" -> one(y, TfType.FLOAT, out.node("LeakyRelu", List.of(name(in, 0, node)), out.claim(y),
                    Attribute.real("alpha", node.real("alpha", 0.2f))));
            case "Rsqrt" -> one(y, TfType.FLOAT, out.node("Reciprocal",
                    List.of(out.temp("Sqrt", List.of(name(in, 0, node)), y + "/sqrt")), out.claim(y)));
            case "Square" -> one(y, in.get(0).type(), out.node("Mul", names(in, node, 0, 0), out.claim(y)));
            case "SquaredDifference" -> {
                String d = out.temp("Sub", names(in, node, 0, 1), y + "/difference");
                yield one(y, in.get(0).type(), out.node("Mul", List.of(d, d), out.claim(y)));
            }
            case "FloorDiv" -> one(y, in.get(0).type(), floorDiv(node, in));
            case "Softmax" -> one(y, TfType.FLOAT, out.node("Softmax", List.of(name(in, 0, node)), out.claim(y),
                    Attribute.integer("axis", -1)));
            case "Conv2D", "DepthwiseConv2dNative", "_FusedConv2D", "FusedDepthwiseConv2dNative" ->
                    one(y, TfType.FLOAT, conv(node, in));
            case "MaxPool", "AvgPool" -> one(y, TfType.FLOAT, pool(node, in));
            case "Pad", "PadV2", "MirrorPad" -> one(y, in.get(0).type(), pad(node, in));
            case "ConcatV2" -> {
                long axis = constant(in, in.size() - 1, node).longs()[0];
                yield one(y, in.get(0).type(), out.node("Concat", namesFrom(in, node, 0, in.size() - 1), out.claim(y),
                        Attribute.integer("axis", axis)));
            }
            case "Reshape" -> one(y, in.get(0).type(), out.node("Reshape",
                    List.of(name(in, 0, node), reshapeTarget(node, in)), out.claim(y)));
            case "Transpose" -> one(y, in.get(0).type(), out.node("Transpose", List.of(name(in, 0, node)),
                    out.claim(y), Attribute.ints("perm", constant(in, 1, node).longs())));
            case "Squeeze" -> {
                long[] axes = node.ints("squeeze_dims");
                List<String> args = axes.length == 0 ? List.of(name(in, 0, node))
                        : List.of(name(in, 0, node), out.int64s(y + "/axes", axes));
                yield one(y, in.get(0).type(), out.node("Squeeze", args, out.claim(y)));
            }
            case "ExpandDims" -> one(y, in.get(0).type(), out.node("Unsqueeze",
                    List.of(name(in, 0, node), out.int64s(y + "/axes", constant(in, 1, node).longs())), out.claim(y)));
            case "Cast" -> one(y, node.type("DstT"), out.node("Cast", List.of(name(in, 0, node)), out.claim(y),
                    Attribute.integer("to", node.type("DstT").onnx.code())));
            case "Mean", "Sum", "Max", "Min", "Prod" -> one(y, in.get(0).type(), reduce(node, in));
            case "ArgMax" -> one(y, node.type("output_type") == TfType.INT32 ? TfType.INT32 : TfType.INT64, argMax(node, in));
            case "Pack" -> one(y, in.get(0).type(), pack(node, in));
            case "Unpack" -> unpack(node, in);
            case "Split" -> split(node, in.get(1), constant(in, 0, node).longs()[0], null, (int) node.integer("num_split", 1));
            case "SplitV" -> split(node, in.get(0), constant(in, 2, node).longs()[0], constant(in, 1, node).longs(),
                    (int) node.integer("num_split", 1));
            case "Shape" -> one(y, node.type("out_type") == TfType.INT64 ? TfType.INT64 : TfType.INT32, shape(node, in));
            case "Fill" -> one(y, in.get(1).type(), out.node("Expand",
                    List.of(name(in, 1, node), int64(in, 0, node)), out.claim(y)));
            case "StridedSlice" -> one(y, in.get(0).type(), stridedSlice(node, in));
            case "GatherV2" -> {
                if (node.integer("batch_dims", 0) != 0) {
                    throw unsupported(node, "batch_dims other than 0");
                }
                yield one(y, in.get(0).type(), out.node("Gather", names(in, node, 0, 1), out.claim(y),
                        Attribute.integer("axis", constant(in, 2, node).longs()[0])));
            }
            case "GatherNd" -> one(y, in.get(0).type(), out.node("GatherND", List.of(name(in, 0, node), int64(in, 1, node)),
                    out.claim(y)));
            case "ResizeBilinear", "ResizeNearestNeighbor" -> one(y, in.get(0).type(), resize(node, in));
            case "FusedBatchNorm", "FusedBatchNormV3" -> batchNorm(node, in);
            default -> throw unsupported(node, "this op");
        };
    }

    static UnsupportedOperationException unsupported(Node node, String what) {
        return new UnsupportedOperationException("cannot convert " + node + ": " + what + " is not supported");
    }

    // --- convolutions and pooling: NHWC outside, NCHW inside ---

    private String conv(Node node, List<Value> in) {
        boolean depthwise = node.op().contains("Depthwise");
        ConstTensor filter = constant(in, 1, node);
        // TF filters are [kh, kw, in, out] (depthwise: [kh, kw, in, multiplier]); ONNX wants [out, in/group, kh, kw].
        ConstTensor weights = depthwise
                ? filter.transpose(2, 3, 0, 1).reshape(filter.shape()[2] * filter.shape()[3], 1, filter.shape()[0], filter.shape()[1])
                : filter.transpose(3, 2, 0, 1);
        List<String> fused = node.strings("fused_ops");
        List<String> args = new ArrayList<>(List.of(toNchw(node, name(in, 0, node)), out.constant(weights, node.name() + "/weights")));
        int next = 0;
        if (!fused.isEmpty() && fused.get(0).equals("BiasAdd")) {
            args.add(name(in, 2, node));
            next = 1;
        } else if (!fused.isEmpty() && !fused.get(0).equals("BiasAdd")) {
            throw unsupported(node, "fused ops " + fused);
        }
        long[] strides = spatial(node, node.ints("strides"));
        long[] dilations = node.ints("dilations").length == 4 ? spatial(node, node.ints("dilations")) : new long[] {1, 1};
        List<Attribute> attrs = new ArrayList<>(List.of(Attribute.ints("strides", strides),
                Attribute.ints("dilations", dilations), Attribute.ints("kernel_shape", filter.shape()[0], filter.shape()[1])));
        attrs.addAll(padding(node));
        if (depthwise) {
            attrs.add(Attribute.integer("group", filter.shape()[2]));
        }
        String conv = out.temp("Conv", args, node.name() + "/conv", attrs.toArray(Attribute[]::new));
        if (next == fused.size()) {
            return toNhwc(node, conv, out.claim(node.name()));
        }
        if (next != fused.size() - 1) {
            throw unsupported(node, "fused ops " + fused);
        }
        String nhwc = toNhwc(node, conv, out.fresh(node.name() + "/biased"));
        return activation(fused.get(next), nhwc, out.claim(node.name()), node, in);
    }

    private String activation(String kind, String x, String y, Node node, List<Value> in) {
        return switch (kind) {
            case "Relu" -> out.node("Relu", List.of(x), y);
            case "Relu6" -> out.node("Clip", List.of(x, out.floatScalar("zero", 0f), out.floatScalar("six", 6f)), y);
            case "Elu" -> out.node("Elu", List.of(x), y);
            case "Sigmoid" -> out.node("Sigmoid", List.of(x), y);
            case "Tanh" -> out.node("Tanh", List.of(x), y);
            case "LeakyRelu" -> out.node("LeakyRelu", List.of(x), y, Attribute.real("alpha", node.real("leakyrelu_alpha", 0.2f)));
            case "Prelu" -> out.node("PRelu", List.of(x, name(in, 3, node)), y);
            default -> throw unsupported(node, "fused activation " + kind);
        };
    }

    private String pool(Node node, List<Value> in) {
        long[] kernel = spatial(node, node.ints("ksize"));
        List<Attribute> attrs = new ArrayList<>(List.of(Attribute.ints("kernel_shape", kernel),
                Attribute.ints("strides", spatial(node, node.ints("strides")))));
        attrs.addAll(padding(node)); // AvgPool: ONNX's default count_include_pad=0 matches TF's SAME
        String pooled = out.temp(node.op().equals("MaxPool") ? "MaxPool" : "AveragePool",
                List.of(toNchw(node, name(in, 0, node))), node.name() + "/pool", attrs.toArray(Attribute[]::new));
        return toNhwc(node, pooled, out.claim(node.name()));
    }

    private List<Attribute> padding(Node node) {
        String padding = node.string("padding", "VALID");
        return switch (padding) {
            case "VALID" -> List.of();
            case "SAME" -> List.of(Attribute.string("auto_pad", "SAME_UPPER")); // TF puts the odd pixel at the end too
            case "EXPLICIT" -> {
                long[] p = node.ints("explicit_paddings"); // [before, after] per NHWC axis
                yield List.of(Attribute.ints("pads", p[2], p[4], p[3], p[5]));
            }
            default -> throw unsupported(node, "padding " + padding);
        };
    }

    private long[] spatial(Node node, long[] nhwc) {
        if (nhwc.length != 4 || !isNhwc(node) && nhwc.length != 4) {
            throw unsupported(node, "window " + java.util.Arrays.toString(nhwc));
        }
        return isNhwc(node) ? new long[] {nhwc[1], nhwc[2]} : new long[] {nhwc[2], nhwc[3]};
    }

    private static boolean isNhwc(Node node) {
        return node.string("data_format", "NHWC").equals("NHWC");
    }

    private String toNchw(Node node, String x) {
        return isNhwc(node) ? out.temp("Transpose", List.of(x), node.name() + "/nchw", Attribute.ints("perm", TO_NCHW)) : x;
    }

    private String toNhwc(Node node, String x, String y) {
        return isNhwc(node) ? out.node("Transpose", List.of(x), y, Attribute.ints("perm", TO_NHWC))
                : out.node("Identity", List.of(x), y);
    }

    private String resize(Node node, List<Value> in) {
        long[] size = constant(in, 1, node).longs();
        boolean bilinear = node.op().equals("ResizeBilinear");
        boolean alignCorners = node.flag("align_corners");
        boolean halfPixel = node.flag("half_pixel_centers");
        String x = toNchw(node, name(in, 0, node));
        // Batch and channels come from the input, so a symbolic batch stays symbolic.
        String batchAndChannels = out.temp("Slice", List.of(out.temp("Shape", List.of(x), node.name() + "/shape"),
                out.int64s("zero_1d", 0), out.int64s("two_1d", 2)), node.name() + "/nc");
        String sizes = out.temp("Concat", List.of(batchAndChannels, out.int64s(node.name() + "/hw", size)),
                node.name() + "/sizes", Attribute.integer("axis", 0));
        String mode;
        String nearest = "floor";
        if (alignCorners) {
            mode = "align_corners";
            nearest = "round_prefer_ceil";
        } else if (halfPixel) {
            mode = bilinear ? "half_pixel" : "tf_half_pixel_for_nn";
        } else {
            mode = "asymmetric";
        }
        String resized = out.temp("Resize", List.of(x, "", "", sizes), node.name() + "/resize",
                Attribute.string("mode", bilinear ? "linear" : "nearest"),
                Attribute.string("coordinate_transformation_mode", mode), Attribute.string("nearest_mode", nearest));
        return toNhwc(node, resized, out.claim(node.name()));
    }

    // --- shapes and indexing ---

    private String pad(Node node, List<Value> in) {
        long[] p = constant(in, 1, node).longs(); // [[before, after] per axis]
        int rank = p.length / 2;
        long[] pads = new long[p.length];
        for (int d = 0; d < rank; d++) {
            pads[d] = p[2 * d];
            pads[rank + d] = p[2 * d + 1];
        }
        List<String> args = new ArrayList<>(List.of(name(in, 0, node), out.int64s(node.name() + "/pads", pads)));
        Attribute mode = Attribute.string("mode", "constant");
        if (node.op().equals("PadV2")) {
            args.add(name(in, 2, node));
        } else if (node.op().equals("MirrorPad")) {
            if (!node.string("mode", "REFLECT").equals("REFLECT")) {
                throw unsupported(node, "mirror mode " + node.string("mode", ""));
            }
            mode = Attribute.string("mode", "reflect");
        }
        return out.node("Pad", args, out.claim(node.name()), mode);
    }

    private String reshapeTarget(Node node, List<Value> in) {
        if (!(in.get(1) instanceof Constant c)) {
            return int64(in, 1, node);
        }
        long[] target = c.tensor().longs();
        if (symbolicBatch && target.length > 1 && target[0] == 1) {
            target = target.clone();
            target[0] = 0; // ONNX: copy this dimension from the input, i.e. keep the batch
        }
        return out.int64s(node.name() + "/shape", target);
    }

    private String reduce(Node node, List<Value> in) {
        long[] axes = constant(in, 1, node).longs();
        long keep = node.flag("keep_dims") ? 1 : 0;
        String op = switch (node.op()) {
            case "Mean" -> "ReduceMean";
            case "Sum" -> "ReduceSum";
            case "Max" -> "ReduceMax";
            case "Min" -> "ReduceMin";
            default -> "ReduceProd";
        };
        if (op.equals("ReduceSum")) { // opset 13+: axes of ReduceSum is an input, of the others still an attribute
            return out.node(op, List.of(name(in, 0, node), out.int64s(node.name() + "/axes", axes)), out.claim(node.name()),
                    Attribute.integer("keepdims", keep));
        }
        return out.node(op, List.of(name(in, 0, node)), out.claim(node.name()), Attribute.ints("axes", axes),
                Attribute.integer("keepdims", keep));
    }

    private String argMax(Node node, List<Value> in) {
        Attribute axis = Attribute.integer("axis", constant(in, 1, node).longs()[0]);
        Attribute keep = Attribute.integer("keepdims", 0);
        if (node.type("output_type") == TfType.INT32) {
            String index = out.temp("ArgMax", List.of(name(in, 0, node)), node.name() + "/int64", axis, keep);
            return out.node("Cast", List.of(index), out.claim(node.name()), Attribute.integer("to", TfType.INT32.onnx.code()));
        }
        return out.node("ArgMax", List.of(name(in, 0, node)), out.claim(node.name()), axis, keep);
    }

    private String floorDiv(Node node, List<Value> in) {
        List<String> ab = names(in, node, 0, 1);
        if (in.get(0).type().isFloat()) {
            return out.node("Floor", List.of(out.temp("Div", ab, node.name() + "/quotient")), out.claim(node.name()));
        }
        // ONNX Div truncates integers; subtracting the floored remainder (Mod with fmod=0) first makes it floor.
        String rest = out.temp("Mod", ab, node.name() + "/remainder", Attribute.integer("fmod", 0));
        String exact = out.temp("Sub", List.of(ab.get(0), rest), node.name() + "/multiple");
        return out.node("Div", List.of(exact, ab.get(1)), out.claim(node.name()));
    }

    private String pack(Node node, List<Value> in) {
        long axis = node.integer("axis", 0);
        String axes = out.int64s(node.name() + "/axes", axis);
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            parts.add(out.temp("Unsqueeze", List.of(name(in, k, node), axes), node.name() + "/part"));
        }
        return out.node("Concat", parts, out.claim(node.name()), Attribute.integer("axis", axis));
    }

    private List<Value> unpack(Node node, List<Value> in) {
        long axis = node.integer("axis", 0);
        int num = (int) node.integer("num", 1);
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < num; k++) {
            parts.add(out.fresh(node.name() + "/part" + k));
        }
        out.node("Split", List.of(name(in, 0, node)), parts, Attribute.integer("axis", axis));
        String axes = out.int64s(node.name() + "/axes", axis);
        List<Value> results = new ArrayList<>();
        for (int k = 0; k < num; k++) {
            String y = out.claim(k == 0 ? node.name() : node.name() + ":" + k);
            results.add(new Dynamic(out.node("Squeeze", List.of(parts.get(k), axes), y), in.get(0).type()));
        }
        return results;
    }

    private List<Value> split(Node node, Value x, long axis, long[] sizes, int num) {
        List<String> outs = new ArrayList<>();
        for (int k = 0; k < num; k++) {
            outs.add(out.claim(k == 0 ? node.name() : node.name() + ":" + k));
        }
        List<String> args = new ArrayList<>(List.of(name(x, node)));
        if (sizes != null) {
            for (long s : sizes) {
                if (s < 0) {
                    throw unsupported(node, "a size of -1 in size_splits");
                }
            }
            args.add(out.int64s(node.name() + "/sizes", sizes));
        }
        out.node("Split", args, outs, Attribute.integer("axis", axis));
        return outs.stream().map(o -> (Value) new Dynamic(o, x.type())).toList();
    }

    private String shape(Node node, List<Value> in) {
        if (node.type("out_type") == TfType.INT64) {
            return out.node("Shape", List.of(name(in, 0, node)), out.claim(node.name()));
        }
        String s = out.temp("Shape", List.of(name(in, 0, node)), node.name() + "/int64");
        return out.node("Cast", List.of(s), out.claim(node.name()), Attribute.integer("to", TfType.INT32.onnx.code()));
    }

    private String stridedSlice(Node node, List<Value> in) {
        if (node.integer("ellipsis_mask", 0) != 0 || node.integer("new_axis_mask", 0) != 0) {
            throw unsupported(node, "ellipsis_mask and new_axis_mask");
        }
        long[] begin = constant(in, 1, node).longs();
        long[] end = constant(in, 2, node).longs();
        long[] strides = constant(in, 3, node).longs();
        long beginMask = node.integer("begin_mask", 0);
        long endMask = node.integer("end_mask", 0);
        long shrink = node.integer("shrink_axis_mask", 0);
        int n = begin.length;
        long[] starts = new long[n];
        long[] ends = new long[n];
        long[] axes = new long[n];
        List<Long> squeezed = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            axes[d] = d;
            boolean forward = strides[d] > 0;
            starts[d] = (beginMask >> d & 1) == 1 ? (forward ? 0 : Long.MAX_VALUE) : begin[d];
            ends[d] = (endMask >> d & 1) == 1 ? (forward ? Long.MAX_VALUE : Long.MIN_VALUE) : end[d];
            if ((shrink >> d & 1) == 1) {
                starts[d] = begin[d];
                ends[d] = begin[d] == -1 ? Long.MAX_VALUE : begin[d] + 1;
                strides[d] = 1;
                squeezed.add((long) d);
            }
        }
        String sliced = out.temp("Slice", List.of(name(in, 0, node), out.int64s(node.name() + "/starts", starts),
                out.int64s(node.name() + "/ends", ends), out.int64s(node.name() + "/axes", axes),
                out.int64s(node.name() + "/steps", strides)), node.name() + "/slice");
        if (squeezed.isEmpty()) {
            return out.node("Identity", List.of(sliced), out.claim(node.name()));
        }
        return out.node("Squeeze", List.of(sliced, out.int64s(node.name() + "/squeezed",
                squeezed.stream().mapToLong(Long::longValue).toArray())), out.claim(node.name()));
    }

    private List<Value> batchNorm(Node node, List<Value> in) {
        if (!isNhwc(node)) {
            throw unsupported(node, "NCHW batch normalisation");
        }
        float[] gamma = constant(in, 1, node).floats();
        float[] beta = constant(in, 2, node).floats();
        float[] mean = constant(in, 3, node).floats();
        float[] variance = constant(in, 4, node).floats();
        float epsilon = node.real("epsilon", 1e-3f);
        float[] scale = new float[gamma.length];
        float[] shift = new float[gamma.length];
        for (int c = 0; c < gamma.length; c++) {
            scale[c] = (float) (gamma[c] / Math.sqrt(variance[c] + epsilon));
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        long[] shape = {gamma.length};
        String scaled = out.temp("Mul", List.of(name(in, 0, node), out.constant(ConstTensor.ofFloats(shape, scale),
                node.name() + "/scale")), node.name() + "/scaled");
        String y = out.node("Add", List.of(scaled, out.constant(ConstTensor.ofFloats(shape, shift), node.name() + "/shift")),
                out.claim(node.name()));
        return List.of(new Dynamic(y, TfType.FLOAT));
    }

    // --- inputs ---

    private List<Value> one(String tfName, TfType type, String onnxName) {
        return List.of(new Dynamic(onnxName, type));
    }

    private String name(List<Value> in, int k, Node node) {
        if (k >= in.size()) {
            throw unsupported(node, "a missing input " + k);
        }
        return name(in.get(k), node);
    }

    private String name(Value v, Node node) {
        return v instanceof Constant c ? out.constant(c.tensor(), node.name() + "/const") : ((Dynamic) v).name();
    }

    private List<String> names(List<Value> in, Node node, int... ks) {
        List<String> result = new ArrayList<>();
        for (int k : ks) {
            result.add(name(in, k, node));
        }
        return result;
    }

    private List<String> namesFrom(List<Value> in, Node node, int from, int to) {
        List<String> result = new ArrayList<>();
        for (int k = from; k < to; k++) {
            result.add(name(in, k, node));
        }
        return result;
    }

    /** An input as int64, as ONNX wants indices and shapes. */
    private String int64(List<Value> in, int k, Node node) {
        Value v = in.get(k);
        if (v instanceof Constant c) {
            return out.constant(c.tensor().cast(TfType.INT64), node.name() + "/int64");
        }
        if (v.type() == TfType.INT64) {
            return name(v, node);
        }
        return out.temp("Cast", List.of(name(v, node)), node.name() + "/int64", Attribute.integer("to", TfType.INT64.onnx.code()));
    }

    private static ConstTensor constant(List<Value> in, int k, Node node) {
        if (k < in.size() && in.get(k) instanceof Constant c) {
            return c.tensor();
        }
        throw unsupported(node, "a computed (non-constant) input " + k);
    }
}
