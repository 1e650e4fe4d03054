package io.streamlens.inference.onnx.tfjs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A constant known at import time: weights, shapes, axes. Values are kept as raw little-endian
 * bytes in their own element type, so float16 weights stay half the size in the ONNX file.
 */
record ConstTensor(TfType type, long[] shape, byte[] raw) {

    ConstTensor {
        long n = count(shape);
        if (raw.length != n * type.onnx.bytes) {
            throw new IllegalArgumentException(raw.length + " bytes for " + Arrays.toString(shape) + " of " + type);
        }
    }

    static ConstTensor ofLongs(TfType type, long[] shape, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * type.onnx.bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (type) {
                case INT64 -> b.putLong(v);
                case INT32 -> b.putInt(Math.toIntExact(v));
                case BOOL, UINT8 -> b.put((byte) v);
                default -> throw new IllegalArgumentException("integers as " + type);
            }
        }
        return new ConstTensor(type, shape, b.array());
    }

    static ConstTensor ofFloats(long[] shape, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return new ConstTensor(TfType.FLOAT, shape, b.array());
    }

    int count() {
        return Math.toIntExact(count(shape));
    }

    int rank() {
        return shape.length;
    }

    long[] longs() {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (type) {
                case INT64 -> b.getLong();
                case INT32 -> b.getInt();
                case BOOL, UINT8 -> b.get() & 0xff;
                case FLOAT -> (long) b.getFloat();
                case HALF -> (long) halfToFloat(b.getShort());
            };
        }
        return out;
    }

    float[] floats() {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (type) {
                case FLOAT -> b.getFloat();
                case HALF -> halfToFloat(b.getShort());
                case INT64 -> b.getLong();
                case INT32 -> b.getInt();
                case BOOL, UINT8 -> b.get() & 0xff;
            };
        }
        return out;
    }

    /** The same values in another element type, as TensorFlow's Cast converts them. */
    ConstTensor cast(TfType to) {
        if (to == type) {
            return this;
        }
        if (to == TfType.FLOAT) {
            return ofFloats(shape, floats());
        }
        if (to == TfType.HALF) {
            float[] f = floats();
            ByteBuffer b = ByteBuffer.allocate(f.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : f) {
                b.putShort(floatToHalf(v));
            }
            return new ConstTensor(to, shape, b.array());
        }
        long[] values = longs();
        if (to == TfType.BOOL) {
            values = Arrays.stream(values).map(v -> v != 0 ? 1 : 0).toArray();
        }
        return ofLongs(to, shape, values);
    }

    ConstTensor reshape(long... newShape) {
        return new ConstTensor(type, newShape, raw);
    }

    /** Axes permuted as ONNX's Transpose would: output axis i is input axis {@code perm[i]}. */
    ConstTensor transpose(int... perm) {
        int rank = shape.length;
        long[] outShape = new long[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[perm[i]];
        }
        long[] inStrides = strides(shape);
        int size = type.onnx.bytes;
        byte[] out = new byte[raw.length];
        int[] index = new int[rank];
        int n = count();
        for (int o = 0; o < n; o++) {
            long src = 0;
            for (int i = 0; i < rank; i++) {
                src += index[i] * inStrides[perm[i]];
            }
            System.arraycopy(raw, (int) src * size, out, o * size, size);
            for (int i = rank - 1; i >= 0; i--) { // next output index, last axis fastest
                if (++index[i] < outShape[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
        return new ConstTensor(type, outShape, out);
    }

    /** IEEE 754 binary16 to float, exact (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float f = mant * 0x1p-24f; // subnormal: exact in float
            return sign != 0 ? -f : f;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Float to binary16, rounding to nearest even; only for folding casts of constants. */
    static short floatToHalf(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        float abs = Math.abs(f);
        if (Float.isNaN(f)) {
            return (short) (sign | 0x7e00);
        }
        if (abs >= 65520f) {
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x1p-14f) {
            return (short) (sign | Math.round(abs * 0x1p24f)); // subnormal (Math.round: half up, near enough)
        }
        int e = Math.getExponent(abs);
        int mant = Float.floatToIntBits(abs) & 0x7fffff;
        int rounded = mant >>> 13;
        int rest = mant & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (rounded & 1) == 1)) {
            rounded++;
        }
        return (short) (sign + ((e + 15) << 10) + rounded); // a carry out of the mantissa bumps the exponent
    }

    private static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= shape[i];
        }
        return s;
    }

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
