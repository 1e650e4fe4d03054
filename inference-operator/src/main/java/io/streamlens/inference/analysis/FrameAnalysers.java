package io.streamlens.inference.analysis;

import io.streamlens.captions.Perception;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import io.streamlens.inference.VisualTokens;
import io.streamlens.inference.faces.Expression;
import io.streamlens.inference.faces.ExpressionClassifier;
import io.streamlens.inference.faces.Face;
import io.streamlens.inference.faces.FaceDetector;
import io.streamlens.inference.faces.FaceOptions;
import io.streamlens.inference.objects.DetectionOptions;
import io.streamlens.inference.objects.ObjectDetector;
import io.streamlens.inference.perception.OcrTextReader;
import io.streamlens.inference.posture.Pose;
import io.streamlens.inference.posture.PostureEstimator;
import io.streamlens.inference.posture.PostureOptions;
import io.streamlens.inference.runtime.SharedModels;
import io.streamlens.records.BodyPoint;
import io.streamlens.records.Detection;
import io.streamlens.records.FaceExpression;
import io.streamlens.records.PersonPosture;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        FrameAnalyser.Models chosen = FrameAnalyser.Models.NONE;
        if (models.perceives(Perception.TEXT)) {
            chosen = chosen.withText(new OcrTextReader(SharedSessions.acquire(ModelOptions.PERCEPTION, runtime)));
        }
        if (models.perceives(Perception.PEOPLE)) {
            chosen = chosen.withFaces(new BlazeFaces(runtime)).withExpressions(new FaceExpressions(runtime));
        }
        if (models.perceives(Perception.OBJECTS)) {
            chosen = chosen.withObjects(new NanoDetObjects(runtime));
            if (models.perceives(Perception.POSTURE)) {
                chosen = chosen.withPoses(new MoveNetPoses(runtime));
            }
        }
        if (models.usesVlm()) {
            chosen = chosen.withEncoder(new VisionEncoder(SharedSessions.acquire(models.pack(), runtime)));
        }
        return new FrameAnalyser(chosen);
    }

    /** The emotion model on faces large enough to judge, one per JVM, batched across streams. */
    static final class FaceExpressions implements FrameAnalyser.ExpressionReader {
        private final SharedModels.Handle<ExpressionClassifier> classifier;

        FaceExpressions(RuntimeOptions runtime) {
            classifier = SharedModels.acquire("emotion", runtime, ExpressionClassifier::open);
        }

        @Override
        public CompletableFuture<List<FaceExpression>> read(RgbImage image, List<Detection> faces) {
            List<CompletableFuture<Optional<FaceExpression>>> judged = faces.stream()
                    .map(face -> classifier.model().classifyAsync(image, face).thenApply(e -> e.map(x -> expression(image, face, x))))
                    .toList();
            return CompletableFuture.allOf(judged.toArray(CompletableFuture[]::new))
                    .thenApply(done -> judged.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
        }

        static FaceExpression expression(RgbImage image, Detection face, Expression expression) {
            Map<String, Float> scores = new TreeMap<>();
            expression.scores().forEach((emotion, score) -> scores.put(emotion.label(), score));
            return new FaceExpression(face.region(image.width(), image.height()), scores, expression.isSmiling());
        }

        @Override
        public void close() {
            classifier.close();
        }
    }

    /** MoveNet on the largest people of a frame, one per JVM, batched across streams. */
    static final class MoveNetPoses implements FrameAnalyser.PoseReader {
        private final SharedModels.Handle<PostureEstimator> estimator;

        MoveNetPoses(RuntimeOptions runtime) {
            estimator = SharedModels.acquire("movenet-lightning", runtime, r -> PostureEstimator.open(r, PostureOptions.DEFAULTS));
        }

        @Override
        public CompletableFuture<List<PersonPosture>> read(RgbImage image, List<Detection> persons) {
            return estimator.model().estimateAsync(image, persons)
                    .thenApply(poses -> poses.stream().map(pose -> posture(image, pose)).toList());
        }

        static PersonPosture posture(RgbImage image, Pose pose) {
            List<BodyPoint> points = pose.keypoints().stream()
                    .map(k -> new BodyPoint(k.part().name().toLowerCase(Locale.ROOT), k.x(), k.y(), k.score())).toList();
            return new PersonPosture(pose.person().region(image.width(), image.height()),
                    pose.posture().stance().name(), pose.posture().armsRaised(), points);
        }

        @Override
        public void close() {
            estimator.close();
        }
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
