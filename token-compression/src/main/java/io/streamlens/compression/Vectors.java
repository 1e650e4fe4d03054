package io.streamlens.compression;

/**
 * The float kernels the operations share, plain loops over flat arrays. The dot product keeps eight
 * independent sums because C2 will not reorder a float reduction itself: 2.5× faster than one sum.
 * The element-wise loops run scalar: JDK 17's C2 vectorises a loop over two float arrays only when
 * both are indexed alike, as it cannot rule out that two offsets into them overlap (hot loops that
 * can be written that way are, e.g. in {@link SpatialPool}). {@code Math.fma} would be 25% faster on
 * the dot product but falls back to software on CPUs without FMA, a cliff not worth the gain.
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

    /**
     * {@code dst = dst * wDst + src * wSrc}, a size-weighted average when the weights sum to 1;
     * returns the result's squared norm, computed on the way so it needs no second pass.
     */
    static float blend(float[] dst, int dstFrom, float wDst, float[] src, int srcFrom, float wSrc, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            int x = dstFrom + i;
            int y = srcFrom + i;
            float v0 = dst[x] * wDst + src[y] * wSrc;
            float v1 = dst[x + 1] * wDst + src[y + 1] * wSrc;
            float v2 = dst[x + 2] * wDst + src[y + 2] * wSrc;
            float v3 = dst[x + 3] * wDst + src[y + 3] * wSrc;
            dst[x] = v0;
            dst[x + 1] = v1;
            dst[x + 2] = v2;
            dst[x + 3] = v3;
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        for (; i < n; i++) {
            float v = dst[dstFrom + i] * wDst + src[srcFrom + i] * wSrc;
            dst[dstFrom + i] = v;
            s0 += v * v;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
