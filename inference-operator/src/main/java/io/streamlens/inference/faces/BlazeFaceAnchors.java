package io.streamlens.inference.faces;

import java.util.Arrays;

/**
 * Anchor centres of BlazeFace's "back" (256×256) model, as MediaPipe's SSD anchor calculator
 * makes them for {@code face_detection_back}: four layers with strides 16, 32, 32, 32, two
 * anchors per cell and layer (aspect ratio 1 plus the interpolated scale), centres at
 * {@code (cell + 0.5) · stride}, fixed anchor size. Layers of the same stride share one grid, so
 * the model's outputs are 16·16·2 = 512 anchors for stride 16, then 8·8·(3·2) = 384 for stride 32,
 * cells row by row. Only the centres matter: with fixed anchor sizes, widths and heights come
 * straight from the model, in input pixels.
 */
final class BlazeFaceAnchors {

    static final int INPUT_SIZE = 256;
    static final int[] STRIDES = {16, 32, 32, 32};
    static final int ANCHORS_PER_LAYER = 2;

    private BlazeFaceAnchors() {
    }

    /** Interleaved {@code x, y} centres relative to the input (0–1), in output order. */
    static float[] centres() {
        float[] out = new float[2 * count()];
        int k = 0;
        int layer = 0;
        while (layer < STRIDES.length) {
            int stride = STRIDES[layer];
            int sameStride = 0;
            while (layer < STRIDES.length && STRIDES[layer] == stride) {
                sameStride++;
                layer++;
            }
            int grid = INPUT_SIZE / stride;
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int a = 0; a < sameStride * ANCHORS_PER_LAYER; a++) {
                        out[k++] = (x + 0.5f) / grid;
                        out[k++] = (y + 0.5f) / grid;
                    }
                }
            }
        }
        return out;
    }

    /** Anchors per distinct stride, in output order: {@code [512, 384]}. */
    static int[] perStride() {
        return Arrays.stream(STRIDES).distinct().map(s -> {
            int layers = (int) Arrays.stream(STRIDES).filter(t -> t == s).count();
            return (INPUT_SIZE / s) * (INPUT_SIZE / s) * layers * ANCHORS_PER_LAYER;
        }).toArray();
    }

    static int count() {
        return Arrays.stream(perStride()).sum();
    }
}
