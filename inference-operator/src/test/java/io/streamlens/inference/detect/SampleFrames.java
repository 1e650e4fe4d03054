package io.streamlens.inference.detect;

import io.streamlens.inference.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Frames of real footage and images, as the pipeline would hand them to the detector. */
final class SampleFrames {

    private SampleFrames() {
    }

    /** {@code count} frames spread evenly over {@code video}, copied out of the grabber's buffers. */
    static List<RgbImage> evenlySpaced(Path video, int count) throws FrameGrabber.Exception {
        List<RgbImage> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            long length = grabber.getLengthInTime();
            for (int i = 0; i < count; i++) {
                grabber.setTimestamp(length * i / count);
                var frame = grabber.grabImage();
                if (frame != null) {
                    frames.add(RgbImage.of(converter.convert(frame)));
                }
            }
        }
        return frames;
    }

    /** {@code image} scaled to {@code height} and centred on a black 640×360 frame, as a letterboxed stream shows it. */
    static RgbImage letterboxed(BufferedImage image, int height) {
        int width = image.getWidth() * height / image.getHeight();
        BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, (640 - width) / 2, (360 - height) / 2, width, height, null);
        } finally {
            g.dispose();
        }
        return RgbImage.of(frame);
    }
}
