package io.streamlens.sampler;

/**
 * A coarse joint RGB histogram (4×4×4 bins) of a small thumbnail. Shot changes move it a lot;
 * camera motion, noise and compression hardly at all, which makes it a cheap and robust scene
 * score where a pixel difference would fire on every pan.
 */
public final class ColorHistogram {
    public static final int BINS = 64;

    private ColorHistogram() {
    }

    /** Normalised histogram (sums to 1) of packed RGB24 pixels. */
    public static float[] of(byte[] rgb, int pixels) {
        float[] histogram = new float[BINS];
        for (int i = 0, p = 0; i < pixels; i++, p += 3) {
            int r = (rgb[p] & 0xff) >> 6;
            int g = (rgb[p + 1] & 0xff) >> 6;
            int b = (rgb[p + 2] & 0xff) >> 6;
            histogram[(r << 4) | (g << 2) | b]++;
        }
        float scale = pixels == 0 ? 0 : 1f / pixels;
        for (int i = 0; i < BINS; i++) {
            histogram[i] *= scale;
        }
        return histogram;
    }

    /** Half the L1 distance: 0 for identical histograms, 1 for ones that share no bin. */
    public static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < BINS; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return Math.min(1.0, sum / 2);
    }
}
