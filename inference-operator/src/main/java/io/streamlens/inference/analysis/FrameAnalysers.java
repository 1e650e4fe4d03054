package io.streamlens.inference.analysis;

import io.streamlens.captions.Perception;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import io.streamlens.inference.VisualTokens;
import io.streamlens.inference.detect.Box;
import io.streamlens.inference.detect.Detections;
import io.streamlens.inference.detect.PeopleAndFacesDetector;
import io.streamlens.inference.objects.DetectionOptions;
import io.streamlens.inference.objects.ObjectDetector;
import io.streamlens.inference.perception.OcrTextReader;
import io.streamlens.inference.runtime.SharedModels;
import io.streamlens.records.Detection;
import io.streamlens.records.PeopleInView;
import io.streamlens.records.Region;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The frame analyser of a job's models: OCR, OpenCV's cascades, NanoDet's objects and a {@code vlm} pack's vision encoder, as chosen. */
public final class FrameAnalysers {
    private FrameAnalysers() {
    }

    /** @param slots the task slots of a JVM, which share its model sessions */
    public static FrameAnalyser.Factory of(ModelOptions models, int slots) {
        return () -> open(models, slots);
    }

    static FrameAnalyser open(ModelOptions models, int slots) {
        RuntimeOptions runtime = models.runtime(slots);
        FrameAnalyser.TextReader text = models.perceives(Perception.TEXT)
                ? new OcrTextReader(SharedSessions.acquire(ModelOptions.PERCEPTION, runtime)) : null;
        FrameAnalyser.PeopleFinder people = models.perceives(Perception.PEOPLE) ? new CascadePeople() : null;
        FrameAnalyser.ObjectFinder objects = models.perceives(Perception.OBJECTS) ? new NanoDetObjects(runtime) : null;
        FrameAnalyser.FrameEncoder encoder = models.usesVlm() ? new VisionEncoder(SharedSessions.acquire(models.pack(), runtime)) : null;
        return new FrameAnalyser(text, people, objects, encoder);
    }

    /** OpenCV's cascades on a thread of this analyser's own, so the task thread never waits for them. */
    static final class CascadePeople implements FrameAnalyser.PeopleFinder {
        private final PeopleAndFacesDetector detector = PeopleAndFacesDetector.open();
        private final ExecutorService detection = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "people-detector");
            t.setDaemon(true);
            return t;
        });

        @Override
        public CompletableFuture<PeopleInView> find(RgbImage image) {
            return CompletableFuture.supplyAsync(() -> {
                Detections found = detector.detect(image);
                return PeopleInView.seen(regions(found.faces()), regions(found.people()));
            }, detection);
        }

        private static List<Region> regions(List<Box> boxes) {
            return boxes.stream().map(b -> new Region(b.x(), b.y(), b.width(), b.height())).toList();
        }

        @Override
        public void close() {
            detection.shutdownNow();
            try {
                detection.awaitTermination(10, TimeUnit.SECONDS); // a detection in flight uses the detector
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            detector.close();
        }
    }

    /** NanoDet-g on every frame, one detector per JVM so that its batcher batches across streams. */
    static final class NanoDetObjects implements FrameAnalyser.ObjectFinder {
        private final SharedModels.Handle<ObjectDetector> detector;

        NanoDetObjects(RuntimeOptions runtime) {
            detector = SharedModels.acquire("nanodet-g", runtime, r -> ObjectDetector.open(r, DetectionOptions.DEFAULTS));
        }

        @Override
        public CompletableFuture<List<Detection>> find(RgbImage image) {
            return detector.model().detectAsync(image);
        }

        @Override
        public void close() {
            detector.close();
        }
    }

    /** A {@code vlm} pack's vision encoder, batched with every other caller in the JVM. */
    record VisionEncoder(PackHandle handle) implements FrameAnalyser.FrameEncoder {
        @Override
        public CompletableFuture<VisualTokens> encode(RgbImage image) {
            return handle.vlm().encodeImageAsync(image);
        }

        @Override
        public void close() {
            handle.close();
        }
    }
}
