package io.streamlens.captions.track;

import io.streamlens.records.Detection;

/**
 * A box in relative frame coordinates used for geometry only. Unlike a {@link Detection} it may
 * lie partly outside the frame: a predicted box of an object walking out of view does.
 */
record Box(double x0, double y0, double x1, double y1) {

    static Box of(Detection detection) {
        return new Box(detection.x0(), detection.y0(), detection.x1(), detection.y1());
    }

    double width() {
        return x1 - x0;
    }

    double height() {
        return y1 - y0;
    }

    double area() {
        return width() * height();
    }

    double centreX() {
        return (x0 + x1) / 2;
    }

    double centreY() {
        return (y0 + y1) / 2;
    }

    /** The longer side: the size a shift is measured against (a person's height, a car's length). */
    double size() {
        return Math.max(width(), height());
    }

    Box movedBy(double dx, double dy) {
        return new Box(x0 + dx, y0 + dy, x1 + dx, y1 + dy);
    }

    double iou(Box other) {
        double w = Math.min(x1, other.x1) - Math.max(x0, other.x0);
        double h = Math.min(y1, other.y1) - Math.max(y0, other.y0);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (area() + other.area() - inter);
    }

    double centreDistance(Box other) {
        return Math.hypot(centreX() - other.centreX(), centreY() - other.centreY());
    }
}
