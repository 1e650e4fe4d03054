package io.streamlens.compression;

/**
 * Shrinks tokens to {@value #WIDTH} numbers whose cosine similarities approximate the tokens' own,
 * so a merge can rank every candidate partner for the price of a short vector.
 *
 * <p>Each number is the sum of one contiguous group of channels, each channel multiplied by a fixed
 * random sign: a sparse random projection (Johnson–Lindenstrauss). With independent signs the sketch
 * inner product is an unbiased estimate of the tokens' inner product whatever the channels'
 * correlations, with an error of roughly one part in √{@value #WIDTH}; too coarse to choose a partner,
 * fine for shortlisting a few that exact cosine then decides between. The sketch is linear, so a
 * merged token's sketch is the same weighted average of its parts' sketches.
 */
final class SignSketch {

    static final int WIDTH = 32;

    private final int dim;
    private final float[] signs;
    private final int[] groupStart;

    SignSketch(int dim) {
        this.dim = dim;
        signs = new float[dim];
        long state = 0x9E3779B97F4A7C15L; // fixed seed: the same tokens always merge the same way
        for (int j = 0; j < dim; j++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            signs[j] = (state & 1) == 0 ? 1 : -1;
        }
        groupStart = new int[WIDTH + 1];
        for (int k = 0; k <= WIDTH; k++) {
            groupStart[k] = (int) ((long) k * dim / WIDTH);
        }
    }

    /**
     * Sketches {@code count} tokens of {@code values} into {@code count * WIDTH} floats, and stores
     * each token's squared norm in {@code squaredNorms}: one pass reads each value once for both.
     */
    float[] sketchAll(float[] values, int count, float[] squaredNorms) {
        float[] sketches = new float[count * WIDTH];
        for (int t = 0; t < count; t++) {
            int base = t * dim;
            float norm = 0;
            for (int k = 0; k < WIDTH; k++) {
                // Four independent sums of each kind, as in Vectors.dot, over one read of each value.
                float p0 = 0, p1 = 0, p2 = 0, p3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
                int j = groupStart[k];
                int end = groupStart[k + 1];
                for (; j + 3 < end; j += 4) {
                    float v0 = values[base + j];
                    float v1 = values[base + j + 1];
                    float v2 = values[base + j + 2];
                    float v3 = values[base + j + 3];
                    p0 += v0 * signs[j];
                    p1 += v1 * signs[j + 1];
                    p2 += v2 * signs[j + 2];
                    p3 += v3 * signs[j + 3];
                    q0 += v0 * v0;
                    q1 += v1 * v1;
                    q2 += v2 * v2;
                    q3 += v3 * v3;
                }
                for (; j < end; j++) {
                    float v = values[base + j];
                    p0 += v * signs[j];
                    q0 += v * v;
                }
                sketches[t * WIDTH + k] = (p0 + p1) + (p2 + p3);
                norm += (q0 + q1) + (q2 + q3);
            }
            squaredNorms[t] = norm;
        }
        return sketches;
    }
}
