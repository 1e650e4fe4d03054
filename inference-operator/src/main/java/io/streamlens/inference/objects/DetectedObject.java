package io.streamlens.inference.objects;

/**
 * An object found in a frame: a COCO label, the detector's confidence, and its box in coordinates
 * relative to the frame (0 = left/top edge, 1 = right/bottom edge), so it holds at any frame size.
 */
public record DetectedObject(String label, float score, float x0, float y0, float x1, float y1) {

    public DetectedObject {
        if (!(x0 <= x1 && y0 <= y1)) {
            throw new IllegalArgumentException("box " + x0 + "," + y0 + " – " + x1 + "," + y1 + " is inverted");
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

    /** Intersection over union with another box. */
    public float iou(DetectedObject other) {
        float w = Math.min(x1, other.x1) - Math.max(x0, other.x0);
        float h = Math.min(y1, other.y1) - Math.max(y0, other.y0);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float inter = w * h;
        return inter / (area() + other.area() - inter);
    }
}
