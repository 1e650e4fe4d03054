package io.streamlens.sampler;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.streamlens.ingest.FFmpegLogs;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.VideoSegment;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A 6 s clip (320×180, 25 fps, a keyframe a second, so 2 s segments) with known motion: a dark
 * square stands still on a light background until 1.0 s, moves 10 px a frame (bouncing between the
 * edges) until 3.0 s, stands still again, and at {@link #CUT_US} the picture cuts to a second still
 * shot, a yellow square on dark blue.
 */
final class MovingSquareClip {
    static final int WIDTH = 320;
    static final int HEIGHT = 180;
    static final int FPS = 25;
    static final int FRAMES = 150;
    /** Frames after this one move, up to and including {@link #LAST_MOVING_FRAME}. */
    static final int STILL_UNTIL_FRAME = 25;
    static final int LAST_MOVING_FRAME = 75;
    static final int CUT_FRAME = 113;
    static final long CUT_US = CUT_FRAME * 1_000_000L / FPS;
    private static final int SIDE = 80;
    private static final int MARGIN = 16;
    private static final int STEP = 10;

    static {
        FFmpegLogs.quiet();
    }

    private MovingSquareClip() {
    }

    static List<VideoSegment> segments(Path dir, String name) throws Exception {
        Path file = dir.resolve(name + ".mp4");
        write(file);
        List<VideoSegment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(s -> segments.add(ClipFixtures.toVideoSegment(name, s)));
        }
        return segments;
    }

    static void write(Path file) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS);
            recorder.setVideoBitrate(WIDTH * HEIGHT * 4);
            recorder.start();
            for (int i = 0; i < FRAMES; i++) {
                recorder.record(converter.convert(render(i)));
            }
            recorder.stop();
        }
    }

    static BufferedImage render(int frame) {
        boolean secondShot = frame >= CUT_FRAME;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(secondShot ? new Color(20, 30, 120) : new Color(230, 230, 230));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(secondShot ? new Color(230, 200, 40) : new Color(20, 20, 20));
            g.fillRect(squareX(frame), (HEIGHT - SIDE) / 2, SIDE, SIDE);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Left edge of the square: it bounces between the margins while it moves, and stays whole in the picture. */
    static int squareX(int frame) {
        int steps = Math.max(0, Math.min(frame, LAST_MOVING_FRAME) - STILL_UNTIL_FRAME);
        int span = WIDTH - SIDE - 2 * MARGIN;
        int travelled = steps * STEP % (2 * span);
        return MARGIN + (travelled <= span ? travelled : 2 * span - travelled);
    }
}
