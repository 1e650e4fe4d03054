package io.streamlens.inference.perception;

/**
 * An axis-aligned box in image pixels.
 *
 * @param x left edge
 * @param y top edge
 * @param width at least 1
 * @param height at least 1
 */
public record TextBox(int x, int y, int width, int height) {

    public TextBox {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("box " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public double centerY() {
        return y + height / 2.0;
    }

    /** The smallest box holding both. */
    public TextBox union(TextBox o) {
        int left = Math.min(x, o.x);
        int top = Math.min(y, o.y);
        return new TextBox(left, top, Math.max(right(), o.right()) - left, Math.max(bottom(), o.bottom()) - top);
    }

    /** Rows both boxes cover; negative when they are apart vertically. */
    public int verticalOverlap(TextBox o) {
        return Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
    }

    /** Columns between the boxes; negative when they overlap horizontally. */
    public int horizontalGap(TextBox o) {
        return Math.max(x, o.x) - Math.min(right(), o.right());
    }
}
