package io.streamlens.deploy.bench;

import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.faces.ExpressionClassifier;
import io.streamlens.inference.faces.Face;
import io.streamlens.inference.faces.FaceDetector;
import io.streamlens.inference.faces.FaceOptions;
import io.streamlens.inference.posture.PostureEstimator;
import io.streamlens.inference.posture.PostureOptions;
import io.streamlens.records.Detection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench inference}, part 3: milliseconds per frame of the people models on one intra-op
 * thread, one JSON object per line:
 *
 * <pre>{"model":"faces/blazeface-back","input":"astronaut 640x360","msPerFrame":…,"framesPerSecond":…,"rounds":…,"threads":1}</pre>
 *
 * <p>Cases: BlazeFace on the whole frame; BlazeFace on the frame and inside one person box (as the
 * job runs it once the object detector found a person); the expression model on the face found;
 * MoveNet on the person. Each call includes its preparation (crops, resizing) and decoding.
 */
public final class PeopleBenchmark {
    private static final int WARM_UP_ROUNDS = 2;
    private static final int MIN_ROUNDS = 5;

    private PeopleBenchmark() {
    }

    /** The cases on skimage's astronaut letterboxed in 640×360, with a person box around her. */
    public static void run(Duration minTimePerCase, JsonLines out) throws Exception {
        java.awt.image.BufferedImage photo = javax.imageio.ImageIO.read(
                io.streamlens.ingest.SampleMedia.file(io.streamlens.ingest.SampleMedia.ASTRONAUT).toFile());
        java.awt.image.BufferedImage frame = new java.awt.image.BufferedImage(640, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = frame.createGraphics();
        try {
            g.setColor(java.awt.Color.DARK_GRAY);
            g.fillRect(0, 0, 640, 360);
            g.drawImage(photo, 140, 0, 360, 360, null);
        } finally {
            g.dispose();
        }
        Detection astronaut = new Detection("person", 0.9f, 140 / 640f, 0f, 500 / 640f, 1f);
        run(RgbImage.of(frame), "astronaut 640x360", astronaut, minTimePerCase, out);
    }

    /** The cases on {@code frame} with a person box around its subject, each for at least {@code minTimePerCase}. */
    public static void run(RgbImage frame, String input, Detection person, Duration minTimePerCase, JsonLines out)
            throws Exception {
        RuntimeOptions runtime = RuntimeOptions.defaults().withIntraOpThreads(1);
        try (FaceDetector faces = FaceDetector.open(runtime, FaceOptions.DEFAULTS);
             ExpressionClassifier expressions = ExpressionClassifier.open(runtime);
             PostureEstimator postures = PostureEstimator.open(runtime, PostureOptions.DEFAULTS)) {
            out.write(measure("faces/blazeface-back", input, minTimePerCase, () -> faces.detect(frame)));
            out.write(measure("faces/blazeface-back+person", input, minTimePerCase, () -> faces.detect(frame, List.of(person))));
            List<Face> found = faces.detect(frame, List.of(person));
            if (!found.isEmpty()) {
                out.write(measure("expressions/emotion", input + ", one face", minTimePerCase,
                        () -> expressions.classify(frame, found.get(0).box())));
            }
            out.write(measure("posture/movenet-lightning", input + ", one person", minTimePerCase,
                    () -> postures.estimate(frame, List.of(person))));
        }
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Map<String, Object> measure(String model, String input, Duration minTime, Call call) throws Exception {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            call.run();
        }
        List<Double> ms = new ArrayList<>();
        long end = System.nanoTime() + minTime.toNanos();
        while (ms.size() < MIN_ROUNDS || System.nanoTime() < end) {
            ms.add(Timing.millis(call::run));
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
}
