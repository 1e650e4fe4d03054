package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Generates clips of solid-colour shots with burned-in text, encoded with FFmpeg's H.264: the
 * demo's input when no video is given, and test input whose every shot, time and word is known.
 */
public final class SampleClip {
    /** One shot: a background colour, a caption drawn on it (may be empty), and its length. */
    public record Shot(Color color, String text, double seconds) {
    }

    public static final List<Shot> DEMO_SHOTS = List.of(
            new Shot(new Color(200, 30, 30), "PLATFORM 12", 3),
            new Shot(new Color(30, 160, 60), "GATE 7 OPEN", 3),
            new Shot(new Color(30, 60, 200), "STREAMLENS", 3));

    static {
        FFmpegLogs.quiet();
    }

    private SampleClip() {
    }

    /**
     * Writes the shots to {@code file} (container from the extension) at the given size and rate,
     * with a keyframe every {@code gopFrames} frames.
     */
    public static void write(Path file, List<Shot> shots, int width, int height, int fps, int gopFrames) throws Exception {
        write(file, shots, width, height, fps, gopFrames, AV_CODEC_ID_H264);
    }

    /** As {@link #write(Path, List, int, int, int, int)}, with another FFmpeg video codec id. */
    public static void write(Path file, List<Shot> shots, int width, int height, int fps, int gopFrames, int codec)
            throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setVideoCodec(codec);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize(gopFrames);
            recorder.setVideoBitrate(width * height * 4);
            recorder.start();
            for (Shot shot : shots) {
                BufferedImage image = render(shot, width, height);
                long frames = Math.round(shot.seconds() * fps);
                for (long i = 0; i < frames; i++) {
                    recorder.record(converter.convert(image));
                }
            }
            recorder.stop();
        }
    }

    public static BufferedImage render(Shot shot, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(shot.color());
            g.fillRect(0, 0, width, height);
            if (!shot.text().isEmpty()) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 8)));
                int textWidth = g.getFontMetrics().stringWidth(shot.text());
                g.setColor(Color.WHITE);
                g.drawString(shot.text(), (width - textWidth) / 2, height / 2 + g.getFontMetrics().getAscent() / 3);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
