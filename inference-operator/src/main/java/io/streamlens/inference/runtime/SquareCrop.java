package io.streamlens.inference.runtime;

import io.streamlens.inference.RgbImage;

/**
 * A square window on a frame, in frame pixels, that may reach past the frame's edges: what the
 * square-input models (BlazeFace, MoveNet) see of a frame or of a region of it. The part inside
 * the frame is resized into the square keeping its aspect; the part outside stays black, so a
 * face or a body is never stretched, as those models were trained on undistorted crops.
 *
 * @param x0 left edge in frame pixels (may be negative)
 * @param y0 top edge in frame pixels (may be negative)
 * @param side width and height in frame pixels
 */
public record SquareCrop(float x0, float y0, float side) {

    public SquareCrop {
        if (!(side > 0) || !Float.isFinite(x0) || !Float.isFinite(y0)) {
            throw new IllegalArgumentException("square at " + x0 + "," + y0 + " of side " + side);
        }
    }

    /** The whole frame, centred in a square as long as its longer side (letterboxed). */
    public static SquareCrop whole(RgbImage frame) {
        float side = Math.max(frame.width(), frame.height());
        return new SquareCrop((frame.width() - side) / 2, (frame.height() - side) / 2, side);
    }

    /** The square of {@code side} pixels centred on {@code (cx, cy)}. */
    public static SquareCrop centredOn(float cx, float cy, float side) {
        return new SquareCrop(cx - side / 2, cy - side / 2, side);
    }

    /**
     * The square's pixels resized to {@code size × size}: interleaved RGB floats 0–255, black
     * outside the frame. Antialiased like every other model input ({@link ImageOps#resize}).
     */
    public float[] pixels(RgbImage frame, int size) {
        float[] out = new float[size * size * 3];
        int ix0 = Math.max(0, (int) Math.floor(x0));
        int iy0 = Math.max(0, (int) Math.floor(y0));
        int ix1 = Math.min(frame.width(), (int) Math.ceil(x0 + side));
        int iy1 = Math.min(frame.height(), (int) Math.ceil(y0 + side));
        if (ix1 <= ix0 || iy1 <= iy0) {
            return out; // entirely outside the frame: all black
        }
        float scale = size / side;
        int ox = clamp(Math.round((ix0 - x0) * scale), size - 1);
        int oy = clamp(Math.round((iy0 - y0) * scale), size - 1);
        int ow = Math.max(1, Math.min(size - ox, Math.round((ix1 - ix0) * scale)));
        int oh = Math.max(1, Math.min(size - oy, Math.round((iy1 - iy0) * scale)));
        float[] inside = ImageOps.resize(frame, ix0, iy0, ix1 - ix0, iy1 - iy0, ow, oh);
        for (int r = 0; r < oh; r++) {
            System.arraycopy(inside, r * ow * 3, out, ((oy + r) * size + ox) * 3, ow * 3);
        }
        return out;
    }

    /** A horizontal position in the square (0 left, 1 right) as a fraction of the frame's width. */
    public float frameX(float u, RgbImage frame) {
        return (x0 + u * side) / frame.width();
    }

    /** A vertical position in the square (0 top, 1 bottom) as a fraction of the frame's height. */
    public float frameY(float v, RgbImage frame) {
        return (y0 + v * side) / frame.height();
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
