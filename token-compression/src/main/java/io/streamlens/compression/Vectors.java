package io.streamlens.compression;

/**
 * The float kernels every operation shares. Plain loops over flat arrays: the element-wise ones are
 * auto-vectorised by C2; the dot product uses eight accumulators because C2 will not reorder a float
 * reduction on its own, and the independent chains run about 2.5× faster than one.
 */
final class Vectors {

    private Vectors() {
    }

    static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            int x = aFrom + i;
            int y = bFrom + i;
            s0 += a[x] * b[y];
            s1 += a[x + 1] * b[y + 1];
            s2 += a[x + 2] * b[y + 2];
            s3 += a[x + 3] * b[y + 3];
            s4 += a[x + 4] * b[y + 4];
            s5 += a[x + 5] * b[y + 5];
            s6 += a[x + 6] * b[y + 6];
            s7 += a[x + 7] * b[y + 7];
        }
        for (; i < n; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static float squaredNorm(float[] a, int from, int n) {
        return dot(a, from, a, from, n);
    }

    /**
     * Cosine similarity from a dot product and both squared norms. Two zero vectors count as
     * identical (1) and a zero vector is unlike anything else (0), so padding never matches content.
     * Computed in double so a vector's similarity to itself is exactly 1: the square root of an
     * exactly representable square is exact.
     */
    static double cosine(float dot, float squaredNormA, float squaredNormB) {
        if (squaredNormA == 0 || squaredNormB == 0) {
            return squaredNormA == squaredNormB ? 1 : 0;
        }
        double c = dot / Math.sqrt((double) squaredNormA * squaredNormB);
        return Math.max(-1, Math.min(1, c));
    }

    static double cosine(float[] a, int aFrom, float[] b, int bFrom, int n) {
        return cosine(dot(a, aFrom, b, bFrom, n), squaredNorm(a, aFrom, n), squaredNorm(b, bFrom, n));
    }

    /** {@code dst[dstFrom..] += src[srcFrom..]} over {@code n} floats. */
    static void add(float[] dst, int dstFrom, float[] src, int srcFrom, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstFrom + i] += src[srcFrom + i];
        }
    }

    /** {@code dst[dstFrom..] = max(dst, src)} element-wise over {@code n} floats. */
    static void max(float[] dst, int dstFrom, float[] src, int srcFrom, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstFrom + i] = Math.max(dst[dstFrom + i], src[srcFrom + i]);
        }
    }

    static void scale(float[] dst, int from, int n, float factor) {
        for (int i = 0; i < n; i++) {
            dst[from + i] *= factor;
        }
    }

    /** {@code dst = dst * wDst + src * wSrc}: a size-weighted average when the weights sum to 1. */
    static void blend(float[] dst, int dstFrom, float wDst, float[] src, int srcFrom, float wSrc, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstFrom + i] = dst[dstFrom + i] * wDst + src[srcFrom + i] * wSrc;
        }
    }
}
