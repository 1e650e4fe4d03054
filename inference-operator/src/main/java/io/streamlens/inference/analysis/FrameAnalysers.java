package io.streamlens.inference.analysis;

import io.streamlens.captions.Perception;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import io.streamlens.inference.VisualTokens;
import io.streamlens.inference.faces.Face;
import io.streamlens.inference.faces.FaceDetector;
import io.streamlens.inference.faces.FaceOptions;
import io.streamlens.inference.objects.DetectionOptions;
import io.streamlens.inference.objects.ObjectDetector;
import io.streamlens.inference.perception.OcrTextReader;
import io.streamlens.inference.runtime.SharedModels;
import io.streamlens.records.Detection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The frame analyser of a job's models: OCR, BlazeFace's faces, NanoDet's objects and a {@code vlm} pack's vision encoder, as chosen. */
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
        FrameAnalyser.FaceFinder faces = models.perceives(Perception.PEOPLE) ? new BlazeFaces(runtime) : null;
        FrameAnalyser.ObjectFinder objects = models.perceives(Perception.OBJECTS) ? new NanoDetObjects(runtime) : null;
        FrameAnalyser.FrameEncoder encoder = models.usesVlm() ? new VisionEncoder(SharedSessions.acquire(models.pack(), runtime)) : null;
        return new FrameAnalyser(text, faces, objects, encoder);
    }

    /** BlazeFace on the whole frame and inside person boxes, one detector per JVM, batched across streams. */
    static final class BlazeFaces implements FrameAnalyser.FaceFinder {
        private final SharedModels.Handle<FaceDetector> detector;

        BlazeFaces(RuntimeOptions runtime) {
            detector = SharedModels.acquire("blazeface-back", runtime, r -> FaceDetector.open(r, FaceOptions.DEFAULTS));
        }

        @Override
        public CompletableFuture<List<Detection>> find(RgbImage image, List<Detection> persons) {
            return detector.model().detectAsync(image, persons).thenApply(faces -> faces.stream().map(Face::box).toList());
        }

        @Override
        public void close() {
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
