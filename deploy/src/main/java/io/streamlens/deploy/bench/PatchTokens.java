package io.streamlens.deploy.bench;

import io.streamlens.compression.TokenGrid;
import java.util.Objects;

/**
 * Turns an RGB frame into the tokens a ViT sees before its first layer: non-overlapping
 * {@code patch × patch} squares, each flattened (row, column, channel); a 14-pixel patch gives
 * 588-wide tokens. Since a ViT's patch embedding is linear, these keep much of the similarity
 * structure the encoder starts from, enough to measure compression on real footage without a model.
 * They are a harsh proxy for pooling, though: an encoder's output tokens are spatially smoother than
 * raw pixels, so pooled pixel patches look worse than pooled encoder tokens would.
 */
public final class PatchTokens {

    /** How pixel values are scaled. */
    public enum Scale {
        /**
         * {@code (x/255 - mean) / std} with CLIP's per-channel mean and standard deviation: what a
         * CLIP or SigLIP-style encoder is fed. Centred on zero, so cosine similarity compares content
         * rather than overall brightness; the stricter of the two.
         */
        CLIP,
        /**
         * {@code x/255}, in [0, 1]. Every value is positive, so any two patches share a large common
         * direction and cosine similarities run high; black patches are zero vectors, similar to nothing.
         */
        UNIT
    }

    private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private PatchTokens() {
    }

    /** CLIP-normalised patch tokens of one frame; see {@link #fromRgb(byte[], int, int, long, double, int, Scale)}. */
    public static TokenGrid fromRgb(byte[] rgb, int width, int height, long ptsUs, double novelty, int patch) {
        return fromRgb(rgb, width, height, ptsUs, novelty, patch, Scale.CLIP);
    }

    /**
     * Patch tokens of one frame. Rows and columns of pixels left over past the last whole patch are
     * ignored, as a ViT's resize-and-crop would drop them.
     *
     * @param rgb packed RGB24, {@code width * height * 3} bytes, row-major
     */
    public static TokenGrid fromRgb(byte[] rgb, int width, int height, long ptsUs, double novelty, int patch,
                                    Scale scale) {
        Objects.requireNonNull(scale, "scale");
        if (patch < 1 || width < patch || height < patch || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("need packed RGB24 of " + width + "x" + height + " ("
                    + width * height * 3 + " bytes) at least one " + patch + "-pixel patch wide and tall, got "
                    + rgb.length + " bytes");
        }
        int rows = height / patch;
        int cols = width / patch;
        int dim = patch * patch * 3;
        float[] multiply = new float[3];
        float[] subtract = new float[3];
        for (int ch = 0; ch < 3; ch++) {
            multiply[ch] = scale == Scale.CLIP ? 1f / (255f * CLIP_STD[ch]) : 1f / 255f;
            subtract[ch] = scale == Scale.CLIP ? CLIP_MEAN[ch] / CLIP_STD[ch] : 0;
        }
        float[] values = new float[rows * cols * dim];
        int o = 0;
        for (int pr = 0; pr < rows; pr++) {
            for (int pc = 0; pc < cols; pc++) {
                for (int y = pr * patch; y < (pr + 1) * patch; y++) {
                    int p = (y * width + pc * patch) * 3;
                    for (int x = 0; x < patch * 3; x++, p++) {
                        int ch = x % 3;
                        values[o++] = (rgb[p] & 0xff) * multiply[ch] - subtract[ch];
                    }
                }
            }
        }
        return new TokenGrid(ptsUs, novelty, rows, cols, dim, values);
    }
}
