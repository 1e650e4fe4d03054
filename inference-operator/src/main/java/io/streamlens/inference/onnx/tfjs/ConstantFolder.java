package io.streamlens.inference.onnx.tfjs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the integer bookkeeping that graphs converted from ONNX by onnx-tf carry around
 * (reshape targets assembled by SparseToDense and AddV2 of constants, and the like), so that the
 * ONNX graph gets plain constant shapes. Only what is cheap and exact is folded; everything else
 * is left to ONNX Runtime's own constant folding.
 */
final class ConstantFolder {

    private ConstantFolder() {
    }

    static Optional<ConstTensor> fold(TfjsGraph.Node node, List<ConstTensor> in) {
        boolean integers = in.stream().allMatch(c -> !c.type().isFloat());
        return Optional.ofNullable(switch (node.op()) {
            case "Identity" -> in.get(0);
            case "Cast" -> in.get(0).cast(node.type("DstT"));
            case "Reshape" -> reshape(in.get(0), in.get(1).longs());
            case "Add", "AddV2", "Sub", "Mul" -> integers ? arithmetic(node.op(), in.get(0), in.get(1)) : null;
            case "SparseToDense" -> integers ? sparseToDense(in.get(0), in.get(1), in.get(2), in.get(3)) : null;
            case "Pack" -> integers && in.stream().allMatch(c -> c.rank() == 0) && node.integer("axis", 0) == 0
                    ? ConstTensor.ofLongs(in.get(0).type(), new long[] {in.size()},
                            in.stream().mapToLong(c -> c.longs()[0]).toArray())
                    : null;
            case "ConcatV2" -> integers && in.subList(0, in.size() - 1).stream().allMatch(c -> c.rank() == 1)
                    ? ConstTensor.ofLongs(in.get(0).type(), new long[] {in.subList(0, in.size() - 1).stream().mapToLong(c -> c.count()).sum()},
                            in.subList(0, in.size() - 1).stream().flatMapToLong(c -> Arrays.stream(c.longs())).toArray())
                    : null;
            default -> null;
        });
    }

    private static ConstTensor reshape(ConstTensor t, long[] target) {
        long known = 1;
        int unknown = -1;
        long[] shape = target.clone();
        for (int k = 0; k < shape.length; k++) {
            if (shape[k] == -1) {
                unknown = k;
            } else {
                known *= shape[k];
            }
        }
        if (unknown >= 0) {
            shape[unknown] = t.count() / known;
        }
        return t.reshape(shape);
    }

    private static ConstTensor arithmetic(String op, ConstTensor a, ConstTensor b) {
        long[] x = a.longs();
        long[] y = b.longs();
        if (x.length != y.length && x.length != 1 && y.length != 1) {
            return null; // general broadcasting is not worth doing here
        }
        long[] shape = x.length >= y.length ? a.shape() : b.shape();
        long[] out = new long[Math.max(x.length, y.length)];
        for (int k = 0; k < out.length; k++) {
            long u = x[x.length == 1 ? 0 : k];
            long v = y[y.length == 1 ? 0 : k];
            out[k] = switch (op) {
                case "Sub" -> u - v;
                case "Mul" -> u * v;
                default -> u + v;
            };
        }
        return ConstTensor.ofLongs(a.type(), shape, out);
    }

    /** TensorFlow's SparseToDense: {@code values} (or one value) at {@code indices}, the rest default. */
    private static ConstTensor sparseToDense(ConstTensor indices, ConstTensor shape, ConstTensor values, ConstTensor fallback) {
        long[] dims = shape.longs();
        long[] out = new long[Math.toIntExact(ConstTensor.count(dims))];
        Arrays.fill(out, fallback.longs()[0]);
        long[] idx = indices.longs();
        int rank = indices.rank() == 2 ? (int) indices.shape()[1] : 1;
        int n = indices.rank() == 0 ? 1 : (int) indices.shape()[0];
        long[] v = values.longs();
        for (int k = 0; k < n; k++) {
            long flat = 0;
            for (int d = 0; d < rank; d++) {
                flat = flat * (rank == 1 ? 1 : dims[d]) + idx[k * rank + d];
            }
            out[Math.toIntExact(flat)] = v[v.length == 1 ? 0 : k];
        }
        return ConstTensor.ofLongs(values.type(), dims, out);
    }
}
