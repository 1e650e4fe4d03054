package io.streamlens.inference.perception;

import java.util.ArrayList;
import java.util.List;

/**
 * Differentiable-binarisation post-processing of a text detector's probability map, as PP-OCR
 * does it: threshold the map, take connected regions, keep those whose mean probability is high,
 * and grow each box back by the margin the detector was trained to shrink text by ("unclip").
 *
 * <p>Boxes are axis-aligned: on-screen text (titles, captions, UI) is level, and a level box is
 * what the recogniser wants.
 */
final class DbPostProcessor {

    /** Map pixels above this belong to text. */
    static final float PIXEL_THRESHOLD = 0.3f;
    /** Regions whose mean probability is below this are noise. */
    static final float BOX_THRESHOLD = 0.5f;
    /** How far to grow a region: area × ratio / perimeter, PP-OCR's default ratio. */
    static final double UNCLIP_RATIO = 1.6;
    /** Regions thinner than this (in map pixels) are specks, not text. */
    static final int MIN_SIDE = 3;

    private DbPostProcessor() {
    }

    /**
     * Text boxes in image coordinates.
     *
     * @param prob the map, {@code mapH × mapW}, row-major
     * @param imageW width of the frame the map was computed from
     * @param imageH its height
     */
    static List<TextBox> boxes(float[] prob, int mapW, int mapH, int imageW, int imageH) {
        double sx = (double) imageW / mapW;
        double sy = (double) imageH / mapH;
        int[] label = new int[mapW * mapH];
        int[] stack = new int[mapW * mapH];
        List<TextBox> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < prob.length; start++) {
            if (label[start] != 0 || prob[start] <= PIXEL_THRESHOLD) {
                continue;
            }
            next++;
            int minX = mapW;
            int minY = mapH;
            int maxX = -1;
            int maxY = -1;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int p = stack[--top];
                int px = p % mapW;
                int py = p / mapW;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                if (px > 0) {
                    top = visit(p - 1, prob, label, stack, top, next);
                }
                if (px < mapW - 1) {
                    top = visit(p + 1, prob, label, stack, top, next);
                }
                if (py > 0) {
                    top = visit(p - mapW, prob, label, stack, top, next);
                }
                if (py < mapH - 1) {
                    top = visit(p + mapW, prob, label, stack, top, next);
                }
            }
            int w = maxX - minX + 1;
            int h = maxY - minY + 1;
            if (Math.min(w, h) < MIN_SIDE || meanInside(prob, mapW, minX, minY, w, h) < BOX_THRESHOLD) {
                continue;
            }
            double grow = w * h * UNCLIP_RATIO / (2.0 * (w + h));
            if (Math.min(w, h) + 2 * grow < MIN_SIDE + 2) {
                continue;
            }
            int left = clamp((int) Math.floor((minX - grow) * sx), imageW - 1);
            int topEdge = clamp((int) Math.floor((minY - grow) * sy), imageH - 1);
            int right = clamp((int) Math.ceil((maxX + 1 + grow) * sx), imageW);
            int bottom = clamp((int) Math.ceil((maxY + 1 + grow) * sy), imageH);
            if (right > left && bottom > topEdge) {
                boxes.add(new TextBox(left, topEdge, right - left, bottom - topEdge));
            }
        }
        return boxes;
    }

    private static int visit(int q, float[] prob, int[] label, int[] stack, int top, int id) {
        if (label[q] == 0 && prob[q] > PIXEL_THRESHOLD) {
            label[q] = id;
            stack[top++] = q;
        }
        return top;
    }

    private static double meanInside(float[] prob, int mapW, int x, int y, int w, int h) {
        double sum = 0;
        for (int r = y; r < y + h; r++) {
            for (int c = x; c < x + w; c++) {
                sum += prob[r * mapW + c];
            }
        }
        return sum / (w * h);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
