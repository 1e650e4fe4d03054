package io.streamlens.inference.flink;

import io.streamlens.captions.Perception;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import io.streamlens.inference.VisualTokens;
import io.streamlens.sampler.ColourNames;
import io.streamlens.inference.perception.LineCache;
import io.streamlens.inference.detect.Box;
import io.streamlens.inference.detect.Detections;
import io.streamlens.inference.detect.PeopleAndFacesDetector;
import io.streamlens.inference.perception.LineLayout;
import io.streamlens.inference.perception.PerceptionPack;
import io.streamlens.inference.perception.TextLine;
import io.streamlens.inference.vlm.VlmPack;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.PeopleInView;
import io.streamlens.records.Region;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Runs the models on every sampled frame of a segment without blocking the task thread: on-screen
 * text through the perception pack's OCR, faces and people through OpenCV's cascades and, with a
 * {@code vlm} pack, visual tokens through its vision encoder. Requests from every subtask in the
 * JVM meet in the packs' shared batchers; the cascades run on a thread of this subtask's own. A
 * frame the models refuse is kept without findings, and the reason travels on for a dead letter.
 */
public class AnalyseFrames extends RichAsyncFunction<SampledSegment, AnalysedSegment> {
    private final ModelOptions models;
    private final int slots;
    private transient PackHandle perceptionHandle;
    private transient PackHandle vlmHandle;
    private transient LineCache lineCache;
    private transient PeopleAndFacesDetector detector;
    private transient ExecutorService detection;

    /** @param slots the task slots of a JVM, which share its model sessions */
    public AnalyseFrames(ModelOptions models, int slots) {
        this.models = models;
        this.slots = slots;
    }

    @Override
    public void open(OpenContext context) {
        RuntimeOptions runtime = models.runtime(slots);
        perceptionHandle = SharedSessions.acquire(ModelOptions.PERCEPTION, runtime);
        lineCache = new LineCache(10_000);
        if (models.usesVlm()) {
            vlmHandle = SharedSessions.acquire(models.pack(), runtime);
        }
        if (models.perceives(Perception.PEOPLE)) {
            detector = PeopleAndFacesDetector.open();
            detection = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "people-detector");
                t.setDaemon(true);
                return t;
            });
        }
    }

    @Override
    public void asyncInvoke(SampledSegment segment, ResultFuture<AnalysedSegment> result) {
        PerceptionPack perception = perceptionHandle.perception();
        VlmPack vlm = vlmHandle == null ? null : vlmHandle.vlm();
        List<CompletableFuture<FrameAnalysis>> frames = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (SampledFrame frame : segment.frames()) {
            RgbImage image = new RgbImage(frame.width(), frame.height(), frame.rgb());
            CompletableFuture<List<OnScreenText>> text = !models.perceives(Perception.TEXT) ? CompletableFuture.completedFuture(List.of())
                    : readText(perception, segment.streamId(), frame, image)
                    .thenApply(AnalyseFrames::toOnScreenText)
                    .exceptionally(e -> {
                        failures.add("text reading failed at " + frame.ptsMs() + " ms: " + rootMessage(e));
                        return List.of();
                    });
            CompletableFuture<PeopleInView> people = detection == null ? CompletableFuture.completedFuture(PeopleInView.NOT_LOOKED)
                    : CompletableFuture.supplyAsync(() -> peopleIn(image), detection).exceptionally(e -> {
                        failures.add("people detection failed at " + frame.ptsMs() + " ms: " + rootMessage(e));
                        return PeopleInView.NOT_LOOKED;
                    });
            CompletableFuture<VisualTokens> tokens = vlm == null
                    ? CompletableFuture.completedFuture(null)
                    : vlm.encodeImageAsync(image).exceptionally(e -> {
                        failures.add("vision encoder failed at " + frame.ptsMs() + " ms: " + rootMessage(e));
                        return null;
                    });
            frames.add(text.thenCombine(tokens, (lines, visual) -> analysis(frame, lines, visual)
                    .withLooks(ColourNames.of(frame.rgb(), frame.width(), frame.height())))
                    .thenCombine(people, FrameAnalysis::withPeople));
        }
        CompletableFuture.allOf(frames.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            if (segment.last()) {
                lineCache.forget(segment.streamId()); // the stream has ended; its lines need not outlive it
            }
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            List<FrameAnalysis> analyses = frames.stream().map(CompletableFuture::join).toList();
            result.complete(List.of(AnalysedSegment.of(segment, analyses, List.copyOf(failures))));
        });
    }

    /**
     * OCR with the stream's lines of the previous frame remembered: detection on every frame,
     * recognition only of lines whose place or pixels changed.
     */
    private CompletableFuture<List<TextLine>> readText(PerceptionPack perception, String streamId, SampledFrame frame,
                                                       RgbImage image) {
        return perception.findTextAsync(image).thenCompose(boxes -> {
            List<CompletableFuture<LineCache.Known>> lines = boxes.stream().map(box -> {
                byte[] print = LineCache.fingerprint(frame.rgb(), frame.width(), frame.height(), box);
                CompletableFuture<TextLine> line = lineCache.find(streamId, box, print)
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> perception.readLineAsync(image, box));
                return line.thenApply(l -> new LineCache.Known(l, print));
            }).toList();
            return CompletableFuture.allOf(lines.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<LineCache.Known> known = lines.stream().map(CompletableFuture::join).toList();
                lineCache.remember(streamId, known);
                List<TextLine> legible = known.stream().map(LineCache.Known::line).filter(l -> !l.text().isBlank()).toList();
                return LineLayout.readingOrder(legible, TextLine::box);
            });
        });
    }

    private PeopleInView peopleIn(RgbImage image) {
        Detections found = detector.detect(image);
        return PeopleInView.seen(regions(found.faces()), regions(found.people()));
    }

    private static List<Region> regions(List<Box> boxes) {
        return boxes.stream().map(b -> new Region(b.x(), b.y(), b.width(), b.height())).toList();
    }

    /** Past the timeout the segment goes on without findings, so its windows are still captioned. */
    @Override
    public void timeout(SampledSegment segment, ResultFuture<AnalysedSegment> result) {
        List<FrameAnalysis> bare = segment.frames().stream().map(f -> FrameAnalysis.textOnly(f, List.of())).toList();
        result.complete(List.of(AnalysedSegment.of(segment, bare,
                List.of("the models did not finish with segment " + segment.seq() + " in time; its frames carry no findings"))));
    }

    static FrameAnalysis analysis(SampledFrame frame, List<OnScreenText> text, VisualTokens visual) {
        if (visual == null) {
            return FrameAnalysis.textOnly(frame, text);
        }
        int side = (int) Math.round(Math.sqrt(visual.count()));
        boolean square = side * side == visual.count();
        return new FrameAnalysis(frame.ptsUs(), frame.sceneId(), frame.novelty(), text,
                square ? side : 1, square ? side : visual.count(), visual.hidden(), visual.values()).withMotion(frame.motion());
    }

    static List<OnScreenText> toOnScreenText(List<TextLine> lines) {
        return lines.stream().map(l -> new OnScreenText(l.text(), l.box().x(), l.box().y(), l.box().width(),
                l.box().height(), l.confidence())).toList();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException || t.getMessage() == null)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() {
        if (detection != null) {
            detection.shutdownNow();
            try {
                detection.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS); // a detection in flight uses the detector
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (detector != null) {
            detector.close();
        }
        if (vlmHandle != null) {
            vlmHandle.close();
        }
        if (perceptionHandle != null) {
            perceptionHandle.close();
        }
    }
}
