package io.streamlens.compression.bench;

import io.streamlens.compression.TokenGrid;

/**
 * Turns an RGB frame into the tokens a ViT sees before its first layer: non-overlapping
 * {@code patch × patch} squares, each flattened (row, column, channel) and normalised with CLIP's
 * per-channel mean and standard deviation. A 14-pixel patch gives 588-wide tokens. Since a ViT's patch
 * embedding is linear, these keep the similarity structure the encoder starts from, which is enough to
 * measure compression on real footage without a model.
 */
public final class PatchTokens {

    private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private PatchTokens() {
    }

    /**
     * Patch tokens of one frame. Rows and columns of pixels left over past the last whole patch are
     * ignored, as a ViT's resize-and-crop would drop them.
     *
     * @param rgb packed RGB24, {@code width * height * 3} bytes, row-major
     */
    public static TokenGrid fromRgb(byte[] rgb, int width, int height, long ptsUs, double novelty, int patch) {
        if (patch < 1 || width < patch || height < patch || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("need packed RGB24 of " + width + "x" + height + " (" + width * height * 3
                    + " bytes) at least one " + patch + "-pixel patch wide and tall, got " + rgb.length + " bytes");
        }
        int rows = height / patch;
        int cols = width / patch;
        int dim = patch * patch * 3;
        float[] scale = new float[3];
        float[] shift = new float[3];
        for (int ch = 0; ch < 3; ch++) {
            scale[ch] = 1f / (255f * STD[ch]);
            shift[ch] = MEAN[ch] / STD[ch];
        }
        float[] values = new float[rows * cols * dim];
        int o = 0;
        for (int pr = 0; pr < rows; pr++) {
            for (int pc = 0; pc < cols; pc++) {
                for (int y = pr * patch; y < (pr + 1) * patch; y++) {
                    int p = (y * width + pc * patch) * 3;
                    for (int x = 0; x < patch * 3; x++, p++) {
                        int ch = x % 3;
                        values[o++] = (rgb[p] & 0xff) * scale[ch] - shift[ch];
                    }
                }
            }
        }
        return new TokenGrid(ptsUs, novelty, rows, cols, dim, values);
    }
}
