package io.streamlens.inference.analysis;

import io.streamlens.inference.RgbImage;
import io.streamlens.inference.VisualTokens;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.Detection;
import io.streamlens.records.FaceExpression;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.PeopleInView;
import io.streamlens.records.PersonPosture;
import io.streamlens.records.Region;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.ShedWork;
import io.streamlens.sampler.ColourNames;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The per-frame model fan-out of a segment, without Flink: every sampled frame goes to the text
 * reader, the object detector (then the face finder, inside its person boxes) and the vision
 * encoder at once, and the segment is complete when all
 * its frames are. A model that fails on a frame leaves that frame without its finding and adds a
 * reason to the segment's failures (for a {@code model-failure} dead letter); it never fails the
 * segment. Colours and brightness come from the pixels. A model that is off is absent (null).
 */
public final class FrameAnalyser implements AutoCloseable {
    /** The models by name, as their times are reported and as load shedding gives them up. */
    public static final String TEXT = ShedWork.TEXT;
    public static final String VISION_ENCODER = "vision-encoder";
    public static final String OBJECTS = "objects";
    public static final String FACES = "faces";
    public static final String EXPRESSIONS = "expressions";
    public static final String POSTURE = "posture";

    /** On-screen text of a frame, in reading order; {@link #forget} when a stream has ended. */
    public interface TextReader extends AutoCloseable {
        CompletableFuture<List<OnScreenText>> read(String streamId, SampledFrame frame, RgbImage image);

        default void forget(String streamId) {
        }

        @Override
        default void close() {
        }
    }

    /**
     * Faces in a frame, looking closer inside the given person boxes (small faces are found
     * there); boxes labelled {@code face} in relative coordinates. May complete on another thread.
     */
    public interface FaceFinder extends AutoCloseable {
        CompletableFuture<List<Detection>> find(RgbImage image, List<Detection> persons);

        @Override
        default void close() {
        }
    }

    /**
     * The expressions of faces large enough to judge (others are left out), given the face
     * finder's boxes; may complete on another thread.
     */
    public interface ExpressionReader extends AutoCloseable {
        CompletableFuture<List<FaceExpression>> read(RgbImage image, List<Detection> faces);

        @Override
        default void close() {
        }
    }

    /**
     * The postures of the largest of the given people (a bounded number per frame), from their
     * body keypoints; may complete on another thread.
     */
    public interface PoseReader extends AutoCloseable {
        CompletableFuture<List<PersonPosture>> read(RgbImage image, List<Detection> persons);

        @Override
        default void close() {
        }
    }

    /** Objects in a frame (COCO classes), batched across streams; may complete on another thread. */
    public interface ObjectFinder extends AutoCloseable {
        CompletableFuture<List<Detection>> find(RgbImage image);

        @Override
        default void close() {
        }
    }

    /** A frame's visual tokens, from a {@code vlm} pack's vision encoder. */
    public interface FrameEncoder extends AutoCloseable {
        CompletableFuture<VisualTokens> encode(RgbImage image);

        @Override
        default void close() {
        }
    }

    /** How an operator gets its analyser on the task manager (models are not serializable). */
    @FunctionalInterface
    public interface Factory extends Serializable {
        FrameAnalyser open() throws Exception;
    }

    /**
     * The models a frame goes to, each null when it does not run.
     *
     * @param expressions needs {@code faces}; {@code poses} needs {@code objects} (it reads their people)
     */
    public record Models(TextReader text, FaceFinder faces, ExpressionReader expressions, ObjectFinder objects,
                         PoseReader poses, FrameEncoder encoder) {
        public static final Models NONE = new Models(null, null, null, null, null, null);

        public Models withText(TextReader value) {
            return new Models(value, faces, expressions, objects, poses, encoder);
        }

        public Models withFaces(FaceFinder value) {
            return new Models(text, value, expressions, objects, poses, encoder);
        }

        public Models withExpressions(ExpressionReader value) {
            return new Models(text, faces, value, objects, poses, encoder);
        }

        public Models withObjects(ObjectFinder value) {
            return new Models(text, faces, expressions, value, poses, encoder);
        }

        public Models withPoses(PoseReader value) {
            return new Models(text, faces, expressions, objects, value, encoder);
        }

        public Models withEncoder(FrameEncoder value) {
            return new Models(text, faces, expressions, objects, poses, value);
        }
    }

    private final TextReader text;
    private final FaceFinder faces;
    private final ExpressionReader expressions;
    private final ObjectFinder objects;
    private final PoseReader poses;
    private final FrameEncoder encoder;
    private ModelTimings timings = ModelTimings.NONE;

    public FrameAnalyser(Models models) {
        this.text = models.text();
        this.faces = models.faces();
        this.expressions = models.faces() == null ? null : models.expressions();
        this.objects = models.objects();
        this.poses = models.objects() == null ? null : models.poses();
        this.encoder = models.encoder();
    }

    /** @param text, faces, objects, encoder each null when that model does not run */
    public FrameAnalyser(TextReader text, FaceFinder faces, ObjectFinder objects, FrameEncoder encoder) {
        this(new Models(text, faces, null, objects, null, encoder));
    }

    /** Reports each model's time with each frame to {@code timings} from now on. */
    public FrameAnalyser timedBy(ModelTimings timings) {
        this.timings = timings;
        return this;
    }

    /** Completes (never exceptionally for a model's failure) once every frame has been looked at. */
    public CompletableFuture<AnalysedSegment> analyse(SampledSegment segment) {
        return analyse(segment, frame -> ShedWork.NONE);
    }

    /** As {@link #analyse(SampledSegment)}, each frame without the models {@code shed} gives up for it. */
    public CompletableFuture<AnalysedSegment> analyse(SampledSegment segment, Function<SampledFrame, ShedWork> shed) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<FrameAnalysis>> frames = segment.frames().stream()
                .map(frame -> analyse(segment.streamId(), frame, running(shed.apply(frame)), failures)).toList();
        return CompletableFuture.allOf(frames.toArray(CompletableFuture[]::new)).whenComplete((done, error) -> {
            if (segment.last() && text != null) {
                text.forget(segment.streamId()); // the stream has ended; its lines need not outlive it
            }
        }).thenApply(done -> AnalysedSegment.of(segment, frames.stream().map(CompletableFuture::join).toList(),
                List.copyOf(failures)));
    }

    /** The shedding as it applies here: only models that run can be given up. */
    private ShedWork running(ShedWork shed) {
        if (!shed.any()) {
            return shed;
        }
        List<String> given = shed.skipped().stream().filter(model -> switch (model) {
            case TEXT -> text != null;
            case OBJECTS -> objects != null;
            case FACES -> faces != null;
            case EXPRESSIONS -> expressions != null;
            case POSTURE -> poses != null;
            case VISION_ENCODER -> encoder != null;
            default -> true; // not one of the models (the decoder's shedding): kept as it came
        }).toList();
        return given.isEmpty() ? ShedWork.NONE : new ShedWork(shed.level(), shed.behindMs(), given);
    }

    private CompletableFuture<FrameAnalysis> analyse(String streamId, SampledFrame frame, ShedWork shed, List<String> failures) {
        RgbImage image = new RgbImage(frame.width(), frame.height(), frame.rgb());
        TextReader text = shed.skips(TEXT) ? null : this.text;
        FrameEncoder encoder = shed.skips(VISION_ENCODER) ? null : this.encoder;
        ObjectFinder objects = shed.skips(OBJECTS) ? null : this.objects;
        FaceFinder faces = shed.skips(FACES) ? null : this.faces;
        ExpressionReader expressions = shed.skips(EXPRESSIONS) ? null : this.expressions;
        PoseReader poses = shed.skips(POSTURE) ? null : this.poses;
        CompletableFuture<List<OnScreenText>> lines = text == null ? CompletableFuture.completedFuture(List.of())
                : orElse(timings.time(TEXT, () -> text.read(streamId, frame, image)), List.of(), "text reading", frame, failures);
        CompletableFuture<VisualTokens> tokens = encoder == null ? CompletableFuture.completedFuture(null)
                : orElse(timings.time(VISION_ENCODER, () -> encoder.encode(image)), null, "vision encoder", frame, failures);
        CompletableFuture<FrameDetections> found = objects == null
                ? CompletableFuture.completedFuture(FrameDetections.notLooked(frame.ptsUs()))
                : orElse(timings.time(OBJECTS, () -> objects.find(image)).thenApply(list -> FrameDetections.seen(frame.ptsUs(), list)),
                        FrameDetections.notLooked(frame.ptsUs()), "object detection", frame, failures);
        CompletableFuture<List<Detection>> people = found.thenApply(FrameAnalyser::persons);
        // Faces wait for the people: the face finder looks again, closer, inside each person's box.
        CompletableFuture<List<Detection>> faceBoxes = faces == null ? CompletableFuture.completedFuture(null)
                : people.thenCompose(p -> orElse(timings.time(FACES, () -> faces.find(image, p)), null, "face detection", frame, failures));
        CompletableFuture<List<FaceExpression>> faceExpressions = expressions == null ? CompletableFuture.completedFuture(List.of())
                : faceBoxes.thenCompose(boxes -> boxes == null || boxes.isEmpty() ? CompletableFuture.completedFuture(List.of())
                        : orElse(timings.time(EXPRESSIONS, () -> expressions.read(image, boxes)), List.of(), "expression reading", frame, failures));
        CompletableFuture<List<PersonPosture>> postures = poses == null ? CompletableFuture.completedFuture(List.of())
                : people.thenCompose(p -> p.isEmpty() ? CompletableFuture.completedFuture(List.of())
                        : orElse(timings.time(POSTURE, () -> poses.read(image, p)), List.of(), "posture estimation", frame, failures));
        return lines.thenCombine(tokens, (read, visual) -> analysis(frame, read, visual)
                        .withLooks(ColourNames.of(frame.rgb(), frame.width(), frame.height())))
                .thenCombine(found, FrameAnalysis::withObjects)
                .thenCombine(faceBoxes, (analysis, faceList) -> analysis.withPeople(peopleInView(analysis.objects(), faceList, frame)))
                .thenCombine(faceExpressions, (analysis, read) -> analysis.withPeople(analysis.people().withExpressions(read)))
                .thenCombine(postures, (analysis, read) -> analysis.withPeople(analysis.people().withPostures(read)))
                .thenApply(analysis -> analysis.withShed(shed));
    }

    private static List<Detection> persons(FrameDetections detections) {
        return detections.detections().stream().filter(d -> d.label().equals("person")).toList();
    }

    /**
     * Who is in view: the object detector's persons and the face finder's faces, each only when
     * its model looked, so a person is counted by one model only and "nobody" is never said
     * without a look.
     */
    static PeopleInView peopleInView(FrameDetections objects, List<Detection> faces, SampledFrame frame) {
        if (!objects.looked() && faces == null) {
            return PeopleInView.NOT_LOOKED;
        }
        List<Region> faceRegions = faces == null ? List.of() : faces.stream().map(f -> region(f, frame)).toList();
        List<Region> personRegions = persons(objects).stream().map(p -> region(p, frame)).toList();
        return PeopleInView.seen(faceRegions, personRegions);
    }

    private static Region region(Detection box, SampledFrame frame) {
        return box.region(frame.width(), frame.height());
    }

    private static <T> CompletableFuture<T> orElse(CompletableFuture<T> finding, T none, String model, SampledFrame frame,
                                                   List<String> failures) {
        return finding.exceptionally(e -> {
            failures.add(model + " failed at " + frame.ptsMs() + " ms: " + rootMessage(e));
            return none;
        });
    }

    /** A segment the models did not finish with in time goes on without findings, so its windows are still captioned. */
    public static AnalysedSegment withoutFindings(SampledSegment segment, String why) {
        List<FrameAnalysis> bare = segment.frames().stream().map(f -> FrameAnalysis.textOnly(f, List.of())).toList();
        return AnalysedSegment.of(segment, bare, List.of(why));
    }

    static FrameAnalysis analysis(SampledFrame frame, List<OnScreenText> text, VisualTokens visual) {
        if (visual == null) {
            return FrameAnalysis.textOnly(frame, text);
        }
        // The encoder gives a flat row of tokens; a square count is taken to be the encoder's square
        // patch grid (every public export here has one), which spatial compression needs. Any other
        // count is kept as one row, which only the temporal and budget operations can use well.
        int side = (int) Math.round(Math.sqrt(visual.count()));
        boolean square = side * side == visual.count();
        return new FrameAnalysis(frame.ptsUs(), frame.sceneId(), frame.novelty(), text,
                square ? side : 1, square ? side : visual.count(), visual.hidden(), visual.values()).withMotion(frame.motion());
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof CompletionException || t.getMessage() == null)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable model : new AutoCloseable[] {expressions, faces, poses, objects, encoder, text}) {
            if (model != null) {
                model.close();
            }
        }
    }
}
