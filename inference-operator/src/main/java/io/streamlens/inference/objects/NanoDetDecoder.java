package io.streamlens.inference.objects;

import io.streamlens.records.CocoLabels;
import io.streamlens.records.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns NanoDet's raw outputs for one image into objects. Per stride (8, 16, 32 on a 416 input:
 * grids of 52, 26, 13) the model gives, for each grid cell, 80 class scores (sigmoid already
 * applied) and a box as four distance distributions (left, top, right, bottom) over 11 bins of
 * one stride each: the distance is the softmax-weighted mean bin (generalised focal loss). Cell
 * centres sit at {@code (x + 0.5) * stride}, as in NanoDet's GFL head that this model (NanoDet-g)
 * comes from. Then class-agnostic non-maximum suppression.
 */
public final class NanoDetDecoder {

    /** One stride's outputs for one image: {@code cells × 80} scores, {@code cells × 4·bins} distances. */
    public record Level(int stride, int gridWidth, float[] scores, float[] distances) {
    }

    static final int CLASSES = 80;
    static final int SIDES = 4;

    private final int inputSize;
    private final DetectionOptions options;

    public NanoDetDecoder(int inputSize, DetectionOptions options) {
        this.inputSize = inputSize;
        this.options = options;
    }

    public List<Detection> decode(List<Level> levels) {
        List<Detection> candidates = new ArrayList<>();
        for (Level level : levels) {
            int cells = level.scores().length / CLASSES;
            int bins = level.distances().length / cells / SIDES;
            for (int cell = 0; cell < cells; cell++) {
                int best = -1;
                float bestScore = options.minScore();
                for (int c = 0; c < CLASSES; c++) {
                    float s = level.scores()[cell * CLASSES + c];
                    if (s >= bestScore) {
                        best = c;
                        bestScore = s;
                    }
                }
                if (best >= 0) { // only the best class per cell: the rest would be suppressed anyway
                    box(level, cell, bins, best, bestScore).ifPresent(candidates::add);
                }
            }
        }
        return suppress(candidates);
    }

    /** The cell's box, unless it collapses to nothing once clipped to the frame. */
    private java.util.Optional<Detection> box(Level level, int cell, int bins, int cls, float score) {
        float cx = (cell % level.gridWidth() + 0.5f) * level.stride();
        float cy = (cell / level.gridWidth() + 0.5f) * level.stride();
        float[] d = new float[SIDES];
        for (int side = 0; side < SIDES; side++) {
            d[side] = expectedBin(level.distances(), (cell * SIDES + side) * bins, bins) * level.stride();
        }
        float size = inputSize;
        float x0 = clamp((cx - d[0]) / size);
        float y0 = clamp((cy - d[1]) / size);
        float x1 = clamp((cx + d[2]) / size);
        float y1 = clamp((cy + d[3]) / size);
        if (!(x0 < x1 && y0 < y1)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Detection(CocoLabels.name(cls), Math.min(1f, score), x0, y0, x1, y1));
    }

    /** The mean bin index under the softmax of the logits at {@code from}. */
    static float expectedBin(float[] logits, int from, int bins) {
        float max = Float.NEGATIVE_INFINITY;
        for (int b = 0; b < bins; b++) {
            max = Math.max(max, logits[from + b]);
        }
        double total = 0;
        double weighted = 0;
        for (int b = 0; b < bins; b++) {
            double e = Math.exp(logits[from + b] - max);
            total += e;
            weighted += e * b;
        }
        return (float) (weighted / total);
    }

    /** Greedy non-maximum suppression across classes, best score first. */
    List<Detection> suppress(List<Detection> candidates) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection c : sorted) {
            if (kept.size() == options.maxDetections()) {
                break;
            }
            if (kept.stream().noneMatch(k -> k.iou(c) > options.maxOverlap())) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
