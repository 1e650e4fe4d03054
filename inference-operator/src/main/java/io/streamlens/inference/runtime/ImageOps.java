package io.streamlens.inference.runtime;

import io.streamlens.inference.RgbImage;

/**
 * Resizing and tensor layout for model inputs, in plain Java so that it runs in the caller's
 * thread (a Flink task) rather than on the batcher's.
 *
 * <p>Resizing is separable and antialiased like PIL's bilinear filter, which Hugging Face image
 * processors use: a triangle filter whose support widens with the downscale factor, so shrinking
 * a 1080p frame averages its pixels instead of skipping most of them.
 */
public final class ImageOps {

    private ImageOps() {
    }

    /** The whole image resized; interleaved RGB floats 0–255, {@code outH * outW * 3}. */
    public static float[] resize(RgbImage src, int outW, int outH) {
        return resize(src, 0, 0, src.width(), src.height(), outW, outH);
    }

    /** A region {@code (x, y, w, h)} of the image resized; interleaved RGB floats 0–255. */
    public static float[] resize(RgbImage src, int x, int y, int w, int h, int outW, int outH) {
        if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > src.width() || y + h > src.height() || outW < 1 || outH < 1) {
            throw new IllegalArgumentException("region " + x + "," + y + " " + w + "x" + h + " of " + src
                    + " to " + outW + "x" + outH);
        }
        if (w == outW && h == outH) {
            return copy(src, x, y, w, h); // frames sampled at the model's size need no filtering
        }
        Taps horizontal = Taps.of(x, w, outW);
        Taps vertical = Taps.of(y, h, outH);
        byte[] rgb = src.rgb();
        int stride = src.width() * 3;
        // Horizontal pass over the rows of the region, into rows of outW pixels.
        float[] rows = new float[h * outW * 3];
        for (int r = 0; r < h; r++) {
            int rowStart = (y + r) * stride;
            int out = r * outW * 3;
            for (int ox = 0; ox < outW; ox++) {
                float red = 0;
                float green = 0;
                float blue = 0;
                int first = horizontal.first[ox];
                int base = ox * horizontal.maxTaps;
                for (int t = 0; t < horizontal.count[ox]; t++) {
                    float wt = horizontal.weights[base + t];
                    int p = rowStart + (first + t) * 3;
                    red += wt * (rgb[p] & 0xff);
                    green += wt * (rgb[p + 1] & 0xff);
                    blue += wt * (rgb[p + 2] & 0xff);
                }
                rows[out + ox * 3] = red;
                rows[out + ox * 3 + 1] = green;
                rows[out + ox * 3 + 2] = blue;
            }
        }
        // Vertical pass.
        float[] result = new float[outH * outW * 3];
        int rowLength = outW * 3;
        for (int oy = 0; oy < outH; oy++) {
            int first = vertical.first[oy] - y;
            int base = oy * vertical.maxTaps;
            int out = oy * rowLength;
            for (int t = 0; t < vertical.count[oy]; t++) {
                float wt = vertical.weights[base + t];
                int in = (first + t) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    result[out + i] += wt * rows[in + i];
                }
            }
        }
        return result;
    }

    private static float[] copy(RgbImage src, int x, int y, int w, int h) {
        byte[] rgb = src.rgb();
        float[] out = new float[w * h * 3];
        for (int r = 0; r < h; r++) {
            int in = ((y + r) * src.width() + x) * 3;
            int o = r * w * 3;
            for (int i = 0; i < w * 3; i++) {
                out[o + i] = rgb[in + i] & 0xff;
            }
        }
        return out;
    }

    /**
     * Writes interleaved RGB pixels as normalised channel planes into {@code dst} at
     * {@code offset}: plane {@code c} starts at {@code offset + c * planeH * planeW}. A plane
     * larger than the image leaves the rest as it is (zero padding, for instance).
     */
    public static void toChw(float[] hwc, int w, int h, Normalization n, float[] dst, int offset, int planeW, int planeH) {
        if (planeW < w || planeH < h) {
            throw new IllegalArgumentException(w + "x" + h + " does not fit a " + planeW + "x" + planeH + " plane");
        }
        int plane = planeW * planeH;
        for (int c = 0; c < 3; c++) {
            int source = n.bgr() ? 2 - c : c;
            int planeStart = offset + c * plane;
            float scale = n.scale(c);
            float shift = n.offset(c);
            for (int yy = 0; yy < h; yy++) {
                int in = yy * w * 3 + source;
                int out = planeStart + yy * planeW;
                for (int xx = 0; xx < w; xx++) {
                    dst[out + xx] = hwc[in + xx * 3] * scale - shift;
                }
            }
        }
    }

    /** Filter taps along one axis: for each output index, the first source index and weights. */
    private static final class Taps {
        final int[] first;
        final int[] count;
        final float[] weights;
        final int maxTaps;

        private Taps(int[] first, int[] count, float[] weights, int maxTaps) {
            this.first = first;
            this.count = count;
            this.weights = weights;
            this.maxTaps = maxTaps;
        }

        static Taps of(int start, int length, int outLength) {
            double scale = (double) length / outLength;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale; // the triangle filter has support 1, widened when shrinking
            int maxTaps = (int) Math.ceil(support) * 2 + 1;
            int[] first = new int[outLength];
            int[] count = new int[outLength];
            float[] weights = new float[outLength * maxTaps];
            for (int i = 0; i < outLength; i++) {
                double center = (i + 0.5) * scale;
                int lo = Math.max((int) Math.floor(center - support), 0);
                int hi = Math.min((int) Math.ceil(center + support), length);
                double total = 0;
                int n = 0;
                for (int j = lo; j < hi && n < maxTaps; j++) {
                    double wt = Math.max(0, 1 - Math.abs((j + 0.5 - center) / filterScale));
                    if (wt == 0 && n == 0) {
                        lo++; // zero taps are skipped, so an unscaled axis costs one tap per pixel
                        continue;
                    }
                    weights[i * maxTaps + n++] = (float) wt;
                    total += wt;
                }
                while (n > 0 && weights[i * maxTaps + n - 1] == 0) {
                    n--;
                }
                if (total <= 0) {
                    // A zero-weight window only happens at degenerate sizes: take the nearest pixel.
                    lo = Math.min((int) center, length - 1);
                    n = 1;
                    weights[i * maxTaps] = 1;
                    total = 1;
                }
                for (int t = 0; t < n; t++) {
                    weights[i * maxTaps + t] /= (float) total;
                }
                first[i] = start + lo;
                count[i] = n;
            }
            return new Taps(first, count, weights, maxTaps);
        }
    }
}
