package io.streamlens.inference.analysis;

import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.LeastRecentlyUsed;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.StageClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Spends the models only where the picture changed: a sampled frame whose picture is the same as
 * the stream's last analysed frame (same shot, no grid cell brighter or darker by more than
 * {@link CarryOverOptions#maxBlockChange}, not older than {@link CarryOverOptions#maxAgeUs})
 * carries that frame's findings, marked with {@link FrameAnalysis#carriedFromUs()}, instead of
 * going to the text reader, object and face detectors. A parked camera, a slide or a still shot
 * then costs one analysis per {@code maxAgeUs} instead of one per sample.
 *
 * <p>Segments of a stream arrive in order on one subtask but may still be in the models when the
 * next one comes, so a carried frame waits on the future of the frame it copies rather than on
 * its result. Called from one thread (the operator's); the memory of each stream ends with its
 * last segment, and at most {@link #MAX_STREAMS} streams are remembered (the oldest is
 * forgotten, which costs it one analysis), so endless stream ids cannot grow it without bound.
 */
public final class CarryOverAnalyser implements AutoCloseable {
    static final int MAX_STREAMS = 4096;

    private record Analysed(long ptsUs, int sceneId, PictureSignature picture, CompletableFuture<FrameAnalysis> findings) {
    }

    private final FrameAnalyser analyser;
    private final CarryOverOptions options;
    private final Map<String, Analysed> lastAnalysed = LeastRecentlyUsed.map(MAX_STREAMS);

    public CarryOverAnalyser(FrameAnalyser analyser, CarryOverOptions options) {
        this.analyser = analyser;
        this.options = options;
    }

    /** As {@link FrameAnalyser#analyse}, with unchanged frames carrying earlier findings. */
    public CompletableFuture<AnalysedSegment> analyse(SampledSegment segment) {
        return analyse(segment, ShedPlanner.NONE);
    }

    /**
     * As {@link #analyse(SampledSegment)}, the frames that go to the models doing without what
     * {@code shedding} plans for them (a carried frame costs nothing, so nothing is shed from it).
     */
    public CompletableFuture<AnalysedSegment> analyse(SampledSegment segment, ShedPlanner shedding) {
        if (!options.enabled()) {
            StageClock.count("frames-analysed", segment.frames().size());
            return analyser.analyse(segment, shedding.plan(segment));
        }
        List<SampledFrame> fresh = new ArrayList<>();
        List<CompletableFuture<FrameAnalysis>> freshFindings = new ArrayList<>();
        List<CompletableFuture<FrameAnalysis>> frames = new ArrayList<>();
        for (SampledFrame frame : segment.frames()) {
            PictureSignature picture = PictureSignature.of(frame.rgb(), frame.width(), frame.height());
            Analysed last = lastAnalysed.get(segment.streamId());
            if (last != null && unchanged(last, frame, picture)) {
                frames.add(last.findings().thenApply(f -> f.carriedTo(frame.ptsUs(), frame.sceneId(), frame.novelty(), frame.motion())));
            } else {
                CompletableFuture<FrameAnalysis> own = new CompletableFuture<>();
                fresh.add(frame);
                freshFindings.add(own);
                frames.add(own);
                lastAnalysed.put(segment.streamId(), new Analysed(frame.ptsUs(), frame.sceneId(), picture, own));
            }
        }
        if (segment.last()) {
            lastAnalysed.remove(segment.streamId());
        }
        StageClock.count("frames-analysed", fresh.size());
        StageClock.count("frames-carried-over", segment.frames().size() - fresh.size());
        SampledSegment freshOnly = segment.withFrames(fresh);
        CompletableFuture<AnalysedSegment> analysed = analyser.analyse(freshOnly, shedding.plan(freshOnly));
        analysed.whenComplete((a, error) -> {
            for (int k = 0; k < freshFindings.size(); k++) {
                if (error != null) {
                    freshFindings.get(k).completeExceptionally(error);
                } else {
                    freshFindings.get(k).complete(a.frames().get(k));
                }
            }
        });
        return analysed.thenCompose(a -> CompletableFuture.allOf(frames.toArray(CompletableFuture[]::new))
                .thenApply(done -> AnalysedSegment.of(segment, frames.stream().map(CompletableFuture::join).toList(), a.failures())));
    }

    private boolean unchanged(Analysed last, SampledFrame frame, PictureSignature picture) {
        return last.sceneId() == frame.sceneId()
                && frame.ptsUs() - last.ptsUs() < options.maxAgeUs()
                && picture.largestChangeFrom(last.picture()) <= options.maxBlockChange();
    }

    @Override
    public void close() throws Exception {
        analyser.close();
    }
}
