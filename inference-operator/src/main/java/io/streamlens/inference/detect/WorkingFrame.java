package io.streamlens.inference.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.streamlens.inference.RgbImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A frame as the cascades want it: no larger than {@code maxSide} so that the cost per frame is
 * bounded whatever the source resolution, grey and histogram-equalised (the cascades were trained
 * on equalised faces, and it evens out dim or washed-out footage). Boxes found on it map back to
 * the caller's frame with {@link #toFrame}.
 */
final class WorkingFrame implements AutoCloseable {

    private final Mat gray;
    private final int frameWidth;
    private final int frameHeight;

    private WorkingFrame(Mat gray, int frameWidth, int frameHeight) {
        this.gray = gray;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
    }

    static WorkingFrame of(RgbImage frame, int maxSide) {
        int w = frame.width();
        int h = frame.height();
        double shrink = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int workW = Math.max(1, (int) Math.round(w * shrink));
        int workH = Math.max(1, (int) Math.round(h * shrink));
        Mat gray = new Mat();
        try (BytePointer pixels = new BytePointer(frame.rgb());
                Mat rgb = new Mat(h, w, CV_8UC3, pixels);
                Mat fullGray = new Mat();
                Mat small = new Mat();
                Size size = new Size(workW, workH)) {
            // Grey first, then shrink: a third of the bytes to resample.
            cvtColor(rgb, fullGray, COLOR_RGB2GRAY);
            if (workW == w && workH == h) {
                equalizeHist(fullGray, gray);
            } else {
                // INTER_AREA averages the pixels it drops, so small faces keep their shading.
                resize(fullGray, small, size, 0, 0, INTER_AREA);
                equalizeHist(small, gray);
            }
        }
        return new WorkingFrame(gray, w, h);
    }

    Mat gray() {
        return gray;
    }

    int width() {
        return gray.cols();
    }

    int height() {
        return gray.rows();
    }

    /** {@code b}, found on the working copy, in the original frame's pixels, clipped to it. */
    Box toFrame(Box b) {
        double sx = (double) frameWidth / width();
        double sy = (double) frameHeight / height();
        int x = (int) Math.round(b.x() * sx);
        int y = (int) Math.round(b.y() * sy);
        int right = Math.min(frameWidth, (int) Math.round((b.x() + b.width()) * sx));
        int bottom = Math.min(frameHeight, (int) Math.round((b.y() + b.height()) * sy));
        return new Box(x, y, Math.max(1, right - x), Math.max(1, bottom - y), b.score());
    }

    @Override
    public void close() {
        gray.close();
    }
}
