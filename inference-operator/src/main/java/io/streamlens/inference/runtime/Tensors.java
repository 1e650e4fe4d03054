package io.streamlens.inference.runtime;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/** Creating input tensors and copying outputs out, so that callers never hold native buffers. */
public final class Tensors {

    private Tensors() {
    }

    public static OnnxTensor floats(float[] data, long... shape) throws OrtException {
        return OnnxTensor.createTensor(SessionFactory.environment(), FloatBuffer.wrap(data), shape);
    }

    /**
     * A tensor over a direct buffer from {@link #directFloats}: ONNX Runtime reads it in place, where
     * a Java array would first be copied into native memory. Worth it for large batched images.
     */
    public static OnnxTensor floats(FloatBuffer direct, long... shape) throws OrtException {
        return OnnxTensor.createTensor(SessionFactory.environment(), direct.rewind(), shape);
    }

    /** A native-order direct buffer for {@link #floats(FloatBuffer, long...)}. */
    public static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    public static OnnxTensor longs(long[] data, long... shape) throws OrtException {
        return OnnxTensor.createTensor(SessionFactory.environment(), LongBuffer.wrap(data), shape);
    }

    /** A boolean tensor with every element set to {@code value}. */
    public static OnnxTensor bools(boolean value, long... shape) throws OrtException {
        int n = Math.toIntExact(elements(shape));
        ByteBuffer buffer = ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            buffer.put(i, (byte) (value ? 1 : 0));
        }
        return OnnxTensor.createTensor(SessionFactory.environment(), buffer, shape, OnnxJavaType.BOOL);
    }

    /** A tensor with a zero-length dimension, such as the empty past of a first decoder step. */
    public static OnnxTensor empty(OnnxJavaType type, long... shape) throws OrtException {
        if (elements(shape) != 0) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is not empty");
        }
        return OnnxTensor.createTensor(SessionFactory.environment(), ByteBuffer.allocateDirect(0), shape, type);
    }

    /** The named output of a run; fails naming the model's outputs when it is missing. */
    public static OnnxTensor output(OrtSession.Result result, String name) {
        OnnxValue value = result.get(name).orElseThrow(
                () -> new IllegalStateException("the model produced no output '" + name + "'"));
        if (!(value instanceof OnnxTensor tensor)) {
            throw new IllegalStateException("output '" + name + "' is a " + value.getType() + ", not a tensor");
        }
        return tensor;
    }

    /**
     * A copy of a float tensor's values. ONNX Runtime widens float16 and bfloat16 tensors here too,
     * so half-precision exports read the same way.
     */
    public static float[] copyFloats(OnnxTensor tensor) {
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer == null) {
            throw new IllegalStateException("tensor of " + tensor.getInfo().type + " holds no floats");
        }
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array(); // already a fresh copy made for us: no need for a second one
        }
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    public static long[] shape(OnnxTensor tensor) {
        return tensor.getInfo().getShape();
    }

    public static long elements(long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
