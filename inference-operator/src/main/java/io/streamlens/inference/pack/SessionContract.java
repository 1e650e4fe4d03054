package io.streamlens.inference.pack;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a session's inputs and outputs against what the code will feed it, reading names,
 * element types and ranks from the session's own metadata. Mismatches become problems naming the
 * file, the tensor and what the model actually has.
 */
public final class SessionContract {

    private final String file;
    private final Problems problems;
    private final Map<String, NodeInfo> inputs;
    private final Map<String, NodeInfo> outputs;

    public SessionContract(String file, OrtSession session, Problems problems) {
        this.file = file;
        this.problems = problems;
        Map<String, NodeInfo> in;
        Map<String, NodeInfo> out;
        try {
            in = session.getInputInfo();
            out = session.getOutputInfo();
        } catch (OrtException e) {
            problems.add(file + ": cannot read its inputs and outputs (" + e.getMessage() + ")");
            in = Map.of();
            out = Map.of();
        }
        this.inputs = in;
        this.outputs = out;
    }

    public Map<String, NodeInfo> inputs() {
        return inputs;
    }

    public Map<String, NodeInfo> outputs() {
        return outputs;
    }

    /** A required input; notes a problem when it is missing or of the wrong type or rank. */
    public Optional<TensorInfo> input(String name, int rank, OnnxJavaType... types) {
        return check("input", inputs, name, rank, types, true);
    }

    /** An input the model may or may not have; checked only when it has it. */
    public Optional<TensorInfo> optionalInput(String name, int rank, OnnxJavaType... types) {
        return check("input", inputs, name, rank, types, false);
    }

    public Optional<TensorInfo> output(String name, int rank, OnnxJavaType... types) {
        return check("output", outputs, name, rank, types, true);
    }

    /** The only output, whatever its name; notes a problem when there is not exactly one. */
    public Optional<String> soleOutput() {
        if (outputs.size() != 1) {
            problems.add(file + ": expected one output, has " + names(outputs));
            return Optional.empty();
        }
        return Optional.of(outputs.keySet().iterator().next());
    }

    /** The only input, whatever its name; notes a problem when there is not exactly one. */
    public Optional<String> soleInput() {
        if (inputs.size() != 1) {
            problems.add(file + ": expected one input, has " + names(inputs));
            return Optional.empty();
        }
        return Optional.of(inputs.keySet().iterator().next());
    }

    public void problem(String text) {
        problems.add(file + ": " + text);
    }

    private Optional<TensorInfo> check(String what, Map<String, NodeInfo> nodes, String name, int rank,
            OnnxJavaType[] types, boolean required) {
        NodeInfo node = nodes.get(name);
        if (node == null) {
            if (required) {
                problems.add(file + ": has no " + what + " '" + name + "' (its " + what + "s: " + names(nodes) + ")");
            }
            return Optional.empty();
        }
        if (!(node.getInfo() instanceof TensorInfo info)) {
            problems.add(file + ": " + what + " '" + name + "' is not a tensor");
            return Optional.empty();
        }
        boolean ok = true;
        if (!Arrays.asList(types).contains(info.type)) {
            problems.add(file + ": " + what + " '" + name + "' holds " + info.type + ", expected "
                    + Arrays.stream(types).map(Enum::name).collect(Collectors.joining(" or ")));
            ok = false;
        }
        if (info.getShape().length != rank) {
            problems.add(file + ": " + what + " '" + name + "' has shape " + shape(info) + ", expected "
                    + rank + " dimensions");
            ok = false;
        }
        return ok ? Optional.of(info) : Optional.empty();
    }

    /** A shape with symbolic dimensions shown as '?'. */
    public static String shape(TensorInfo info) {
        return Arrays.stream(info.getShape()).mapToObj(d -> d < 0 ? "?" : Long.toString(d))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String names(Map<String, NodeInfo> nodes) {
        List<String> names = nodes.keySet().stream().sorted().toList();
        if (names.isEmpty()) {
            return "none";
        }
        if (names.size() <= 10) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 10)) + ", … (" + names.size() + " in all)";
    }
}
