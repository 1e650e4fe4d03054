package io.streamlens.inference.detect;

/**
 * A rectangle found in a frame, in that frame's own pixel coordinates (not the detector's
 * downscaled working copy).
 *
 * @param x left edge
 * @param y top edge
 * @param width width, at least 1
 * @param height height, at least 1
 * @param score the cascade's weight for the last stage the box passed: higher is surer; only
 *     comparable between boxes of the same cascade
 */
public record Box(int x, int y, int width, int height, double score) {

    public Box {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("box " + width + "x" + height + " is empty");
        }
    }

    public double centreX() {
        return x + width / 2.0;
    }

    public double centreY() {
        return y + height / 2.0;
    }

    public int area() {
        return width * height;
    }

    /** Area shared with {@code other} over the area of the smaller of the two: 1 when one holds the other. */
    public double overlapOfSmaller(Box other) {
        int w = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
        int h = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        return (double) w * h / Math.min(area(), other.area());
    }
}
