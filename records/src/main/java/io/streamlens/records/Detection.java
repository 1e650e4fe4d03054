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

    /** The box in the pixels of a frame of this size. */
    public Region region(int frameWidth, int frameHeight) {
        return new Region(Math.round(x0 * frameWidth), Math.round(y0 * frameHeight), Math.round(width() * frameWidth),
                Math.round(height() * frameHeight));
    }

    /** Intersection over union with another box (0 when apart, 1 when the same). */
    public float iou(Detection other) {
        return iou(x0, y0, x1, y1, other.x0, other.y0, other.x1, other.y1);
    }

    /** Intersection over union of two boxes given by their corners, in any one coordinate system. */
    public static float iou(float ax0, float ay0, float ax1, float ay1, float bx0, float by0, float bx1, float by1) {
        float w = Math.min(ax1, bx1) - Math.max(ax0, bx0);
        float h = Math.min(ay1, by1) - Math.max(ay0, by0);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float inter = w * h;
        float a = Math.max(0, ax1 - ax0) * Math.max(0, ay1 - ay0);
        float b = Math.max(0, bx1 - bx0) * Math.max(0, by1 - by0);
        return inter / (a + b - inter);
    }

    private static boolean inUnit(float v) {
        return v >= 0 && v <= 1;
    }
}
