package io.streamlens.inference.faces;

import io.streamlens.inference.RgbImage;
import io.streamlens.ingest.SampleMedia;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** The astronaut (skimage's, via dev/fetch-media), her face pasted small onto grey frames, and other sample frames. */
final class FaceImages {

    /** Her head in the 512×512 photo: a square whose middle ~100 px are her face. */
    static final int HEAD_X = 150;
    static final int HEAD_Y = 30;
    static final int HEAD_SIDE = 160;
    /** Her face's box in the photo as BlazeFace sees it (relative): centre and side. */
    static final float FACE_CX = 0.44f;
    static final float FACE_CY = 0.25f;

    private FaceImages() {
    }

    static BufferedImage astronautPhoto() {
        return read("images/astronaut.png");
    }

    static RgbImage astronaut() {
        return RgbImage.of(astronautPhoto());
    }

    static RgbImage photo(String name) {
        return RgbImage.of(read("images/" + name));
    }

    /**
     * Her head scaled so that her face is about {@code facePixels} wide, at {@code (x, y)} on a grey
     * 640×360 frame.
     */
    static RgbImage smallFace(int facePixels, int x, int y) {
        BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        try {
            g.setColor(new Color(128, 128, 128));
            g.fillRect(0, 0, 640, 360);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int side = headSide(facePixels);
            g.drawImage(astronautPhoto().getSubimage(HEAD_X, HEAD_Y, HEAD_SIDE, HEAD_SIDE), x, y, side, side, null);
        } finally {
            g.dispose();
        }
        return RgbImage.of(frame);
    }

    /** How large her pasted head is for a face of {@code facePixels}. */
    static int headSide(int facePixels) {
        return facePixels * HEAD_SIDE / 100;
    }

    /** The first frame of imageio's cockatoo.mp4: a large bird's head, no face. */
    static RgbImage cockatoo() {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SampleMedia.file("imageio/cockatoo.mp4").toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            return RgbImage.of(converter.convert(grabber.grabImage()));
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage read(String name) {
        try {
            return ImageIO.read(SampleMedia.file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
