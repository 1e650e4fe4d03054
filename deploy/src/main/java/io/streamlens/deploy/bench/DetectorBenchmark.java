package io.streamlens.deploy.bench;

import io.streamlens.inference.RgbImage;
import io.streamlens.inference.detect.PeopleAndFacesDetector;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.bytedeco.opencv.global.opencv_core;

/**
 * {@code bench inference}, part 3: milliseconds per frame of {@link PeopleAndFacesDetector} on one
 * thread, one JSON object per line:
 *
 * <pre>{"model":"detect/faces","input":"frame 640x360, text and noise","msPerFrame":…,"framesPerSecond":…,"rounds":…,"threads":1}</pre>
 *
 * <p>Cases: faces alone (both cascades: the default one over the frame, the second opinion around
 * its candidates), bodies alone, and both as {@code detect} runs them. OpenCV is held to one
 * worker thread while measuring ({@code cv::setNumThreads(1)}, process-wide, restored after), so
 * that the figure is the cost per frame of one Flink subtask. The cascades reject most windows
 * in their first stages, so the cost depends on the content: pass a real frame to compare.
 */
public final class DetectorBenchmark {

    private static final int WARM_UP_ROUNDS = 2;
    private static final int MIN_ROUNDS = 5;

    private DetectorBenchmark() {
    }

    /** The three cases on a generated 640×360 frame, each for at least {@code minTimePerCase}. */
    public static void run(Duration minTimePerCase, JsonLines out) throws Exception {
        run(generatedFrame(), "frame 640x360, text and noise", minTimePerCase, out);
    }

    /** The three cases on {@code frame}, described as {@code input} in the output. */
    public static void run(RgbImage frame, String input, Duration minTimePerCase, JsonLines out) throws Exception {
        int threadsBefore = opencv_core.getNumThreads();
        opencv_core.setNumThreads(1);
        try (PeopleAndFacesDetector detector = PeopleAndFacesDetector.open()) {
            out.write(measure("detect/faces", input, minTimePerCase, frame, detector::faces));
            out.write(measure("detect/bodies", input, minTimePerCase, frame, detector::bodies));
            out.write(measure("detect/faces+bodies", input, minTimePerCase, frame, detector::detect));
        } finally {
            opencv_core.setNumThreads(threadsBefore);
        }
    }

    private static Map<String, Object> measure(String model, String input, Duration minTime, RgbImage frame,
            Function<RgbImage, ?> detection) throws Exception {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            detection.apply(frame);
        }
        List<Double> ms = new ArrayList<>();
        long end = System.nanoTime() + minTime.toNanos();
        while (ms.size() < MIN_ROUNDS || System.nanoTime() < end) {
            ms.add(Timing.millis(() -> detection.apply(frame)));
        }
        double median = Timing.median(ms);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("input", input);
        json.put("msPerFrame", JsonLines.round(median, 3));
        json.put("framesPerSecond", JsonLines.round(1000 / median, 3));
        json.put("rounds", ms.size());
        json.put("threads", 1);
        return json;
    }

    /**
     * A 640×360 frame with what makes cascades work: a lit gradient, a textured (noisy) band and
     * lines of text, so that windows survive a few stages instead of being rejected at once.
     */
    static RgbImage generatedFrame() {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int y = 0; y < 360; y++) {
                g.setColor(new Color(40 + y / 3, 60 + y / 4, 90 + y / 5));
                g.drawLine(0, y, 639, y);
            }
            Random random = new Random(7);
            for (int y = 200; y < 360; y++) {
                for (int x = 0; x < 640; x++) {
                    int v = random.nextInt(256);
                    image.setRGB(x, y, v << 16 | v << 8 | v);
                }
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
            g.drawString("Breaking news at noon", 30, 70);
            g.drawString("Traffic is light today", 30, 140);
        } finally {
            g.dispose();
        }
        return RgbImage.of(image);
    }
}
