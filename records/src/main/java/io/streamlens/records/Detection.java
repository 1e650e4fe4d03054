package io.streamlens.records;

/**
 * One object a detector found in one sampled frame: its COCO label as the detector names it
 * ({@code person}, {@code car}, {@code traffic light} …), the detector's confidence, and its box
 * in relative frame coordinates (0,0 top left, 1,1 bottom right), so boxes compare across frame
 * sizes and a track survives a change of resolution.
 */
public record Detection(String label, float score, float x0, float y0, float x1, float y1) {

    public Detection {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a detection needs a label");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score + " for " + label);
        }
        if (!inUnit(x0) || !inUnit(y0) || !inUnit(x1) || !inUnit(y1) || !(x0 < x1) || !(y0 < y1)) {
            throw new IllegalArgumentException("a " + label + " box must satisfy 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1"
                    + " (relative coordinates), got (" + x0 + ", " + y0 + ") to (" + x1 + ", " + y1 + ")");
        }
    }

    public float width() {
        return x1 - x0;
    }

    public float height() {
        return y1 - y0;
    }

    public float area() {
        return width() * height();
    }

    public float centerX() {
        return (x0 + x1) / 2;
    }

    public float centerY() {
        return (y0 + y1) / 2;
    }

    /** Intersection over union with another box (0 when apart, 1 when the same). */
    public float iou(Detection other) {
        float w = Math.min(x1, other.x1) - Math.max(x0, other.x0);
        float h = Math.min(y1, other.y1) - Math.max(y0, other.y0);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float inter = w * h;
        return inter / (area() + other.area() - inter);
    }

    private static boolean inUnit(float v) {
        return v >= 0 && v <= 1;
    }
}
