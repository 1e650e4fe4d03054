package io.streamlens.inference.onnx.tfjs;

import io.streamlens.inference.onnx.OnnxModelBuilder.ElementType;
import io.streamlens.inference.onnx.OnnxModelBuilder;
import io.streamlens.inference.onnx.tfjs.TfjsGraph.Node;
import io.streamlens.inference.onnx.tfjs.TfjsGraph.Port;
import io.streamlens.inference.onnx.tfjs.Value.Constant;
import io.streamlens.inference.onnx.tfjs.Value.Dynamic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts a TensorFlow.js graph model ({@code model.json} + weight shards) into an ONNX model
 * (opset 17) that ONNX Runtime runs with the same results. A developer tool: models are converted
 * once with {@code dev/import-models} and shipped; nothing converts at run time.
 *
 * <pre>{@code
 * byte[] onnx = TfjsImporter.convert(Path.of("nanodet.json"), TfjsImporter.Options.withSymbolicBatch());
 * }</pre>
 *
 * <p>Names: the graph input and outputs keep their TensorFlow names without the {@code :0}
 * ({@code input_1:0} → {@code input_1}, {@code Identity_2:0} → {@code Identity_2}); every other
 * tensor is named after the TensorFlow node that made it. The output is byte-for-byte the same
 * for the same source files, so a shipped model can be checked against a fresh conversion.
 */
public final class TfjsImporter {

    static final int OPSET = 17;

    /**
     * @param keepBatchSymbolic make the first input dimension a symbolic {@code batch} and keep it
     *        through reshapes whose target starts with the fixed batch of 1; only right for graphs
     *        whose every reshape keeps the batch first (checked by tests per model)
     */
    public record Options(boolean keepBatchSymbolic) {
        public static Options fixedBatch() {
            return new Options(false);
        }

        public static Options withSymbolicBatch() {
            return new Options(true);
        }
    }

    private final TfjsGraph graph;
    private final Options options;
    private final Map<String, Node> byName = new HashMap<>();
    private final Map<String, List<Value>> converted = new HashMap<>();
    private final OnnxModelBuilder builder;
    private final OnnxGraphWriter writer;
    private final NodeConverter converter;

    private TfjsImporter(TfjsGraph graph, Options options, String graphName) {
        this.graph = graph;
        this.options = options;
        graph.nodes().forEach(n -> byName.put(n.name(), n));
        this.builder = new OnnxModelBuilder(graphName, OPSET);
        this.writer = new OnnxGraphWriter(builder);
        this.converter = new NodeConverter(writer, options.keepBatchSymbolic());
    }

    /** The ONNX model of a TF.js graph model whose {@code model.json} is at {@code modelJson}. */
    public static byte[] convert(Path modelJson, Options options) throws IOException {
        String name = modelJson.getFileName().toString().replaceFirst("\\.json$", "");
        return new TfjsImporter(TfjsGraph.read(modelJson), options, name).convert();
    }

    private byte[] convert() {
        List<Port> outputs = graph.outputs().isEmpty() ? danglingOutputs() : graph.outputs();
        checkSupported(outputs);
        builder.doc("converted from a TensorFlow.js graph model by StreamLens' TfjsImporter");
        for (Port out : outputs) {
            Value v = value(out.name());
            String name = v instanceof Dynamic d ? d.name() : writer.constant(((Constant) v).tensor(), out.name() + "/const");
            if (!name.equals(out.name())) {
                writer.node("Identity", List.of(name), writer.claim(out.name()));
            }
            builder.output(out.name(), v.type().onnx, out.dims() == null ? null : dims(out.dims(), out.name()));
        }
        return builder.build();
    }

    /** Every op reachable from the outputs that cannot be converted, all reported at once. */
    private void checkSupported(List<Port> outputs) {
        Map<String, String> unsupported = new LinkedHashMap<>();
        List<String> stack = new ArrayList<>(outputs.stream().map(Port::name).toList());
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!stack.isEmpty()) {
            Node n = node(stack.remove(stack.size() - 1));
            if (!seen.add(n.name())) {
                continue;
            }
            if (!NodeConverter.SUPPORTED.contains(n.op())) {
                unsupported.putIfAbsent(n.op(), n.name());
            }
            n.inputs().forEach(stack::add);
        }
        if (!unsupported.isEmpty()) {
            StringBuilder msg = new StringBuilder("the graph uses ops the importer does not convert:");
            unsupported.forEach((op, at) -> msg.append(' ').append(op).append(" (e.g. node '").append(at).append("')"));
            throw new UnsupportedOperationException(msg.toString());
        }
    }

    /** The value of a tensor reference {@code node} or {@code node:k}, converting what it needs first. */
    private Value value(String ref) {
        int colon = ref.lastIndexOf(':');
        String nodeName = colon > 0 ? ref.substring(0, colon) : ref;
        int index = colon > 0 ? Integer.parseInt(ref.substring(colon + 1)) : 0;
        List<Value> outs = converted.get(nodeName);
        if (outs == null) {
            outs = convertNode(node(nodeName));
            converted.put(nodeName, outs);
        }
        if (index >= outs.size()) {
            throw new IllegalStateException(ref + " refers to output " + index + " of a node with " + outs.size());
        }
        return outs.get(index);
    }

    private List<Value> convertNode(Node node) {
        switch (node.op()) {
            case "Const" -> {
                ConstTensor w = graph.weights().get(node.name());
                if (w == null) {
                    throw new IllegalStateException("constant '" + node.name() + "' has no entry in the weights manifest");
                }
                return List.of(new Constant(w));
            }
            case "Placeholder" -> {
                TfType type = node.type("dtype");
                builder.input(writer.claim(node.name()), type.onnx, dims(placeholderDims(node), node.name()));
                return List.of(new Dynamic(node.name(), type));
            }
            default -> {
                List<Value> in = new ArrayList<>();
                for (String ref : node.inputs()) {
                    in.add(value(ref)); // depth-first: inputs are emitted before their consumers
                }
                if (in.stream().allMatch(v -> v instanceof Constant)) {
                    Optional<ConstTensor> folded = ConstantFolder.fold(node, in.stream().map(v -> ((Constant) v).tensor()).toList());
                    if (folded.isPresent()) {
                        return List.of(new Constant(folded.get()));
                    }
                }
                return converter.convert(node, in);
            }
        }
    }

    private static long[] placeholderDims(Node node) {
        var dim = node.attr().path("shape").path("shape").path("dim");
        long[] dims = new long[dim.size()];
        for (int k = 0; k < dims.length; k++) {
            dims[k] = dim.get(k).path("size").asLong(-1);
        }
        return dims;
    }

    /** ONNX dimensions: fixed sizes as Integer, unknown ones (and the batch if symbolic) named. */
    private Object[] dims(long[] dims, String of) {
        Object[] out = new Object[dims.length];
        for (int k = 0; k < dims.length; k++) {
            if (k == 0 && (options.keepBatchSymbolic() || dims[k] < 0)) {
                out[k] = "batch";
            } else if (dims[k] < 0) {
                out[k] = of + "_" + k;
            } else {
                out[k] = Math.toIntExact(dims[k]);
            }
        }
        return out;
    }

    /** Without a signature: every non-constant node that no other node reads. */
    private List<Port> danglingOutputs() {
        java.util.Set<String> read = new java.util.HashSet<>();
        for (Node n : graph.nodes()) {
            n.inputs().forEach(ref -> read.add(ref.replaceFirst(":\\d+$", "")));
        }
        return graph.nodes().stream().filter(n -> !read.contains(n.name()) && !n.op().equals("Const"))
                .map(n -> new Port(n.name(), TfType.FLOAT, null)).toList(); // shapes unknown
    }

    private Node node(String ref) {
        String name = ref.replaceFirst(":\\d+$", "");
        Node n = byName.get(name);
        if (n == null) {
            throw new IllegalStateException("the graph refers to a node '" + name + "' it does not define");
        }
        return n;
    }

    /**
     * {@code TfjsImporter MODEL.json OUT.onnx [--symbolic-batch]}: converts one model. Run through
     * {@code dev/import-models}, which also records where the source came from.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TfjsImporter MODEL.json OUT.onnx [--symbolic-batch]");
            System.exit(2);
        }
        Options options = List.of(args).contains("--symbolic-batch") ? Options.withSymbolicBatch() : Options.fixedBatch();
        byte[] onnx = convert(Path.of(args[0]), options);
        Path target = Path.of(args[1]);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.write(target, onnx);
        System.out.println(target + ": " + onnx.length + " bytes");
    }
}
