package io.streamlens.events.rules;

import io.streamlens.records.Detection;

/**
 * A region of the frame in relative coordinates (0,0 top left, 1,1 bottom right), as a rule writes
 * it: {@code [x0, y0, x1, y1]}. A box is inside when its centre is.
 */
public record Area(double x0, double y0, double x1, double y1) {
    public static final Area WHOLE_FRAME = new Area(0, 0, 1, 1);

    public Area {
        if (!(x0 >= 0 && y0 >= 0 && x1 <= 1 && y1 <= 1 && x0 < x1 && y0 < y1)) {
            throw new BadRule("a region is [x0, y0, x1, y1] with 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1, got ["
                    + x0 + ", " + y0 + ", " + x1 + ", " + y1 + "]");
        }
    }

    public boolean contains(Detection box) {
        return box.centerX() >= x0 && box.centerX() <= x1 && box.centerY() >= y0 && box.centerY() <= y1;
    }

    public boolean wholeFrame() {
        return equals(WHOLE_FRAME);
    }
}
