package io.streamlens.sampler;

import io.streamlens.records.SampledFrame;
import io.streamlens.records.StageClock;
import io.streamlens.records.VideoSegment;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decode and sample in one pass over a segment: the plain-Java core of the Flink operator.
 * Decoding and sampling live together so that only the few sampled frames are ever converted and
 * copied, never the whole decoded stream.
 */
public final class SegmentSampler implements AutoCloseable {
    /** How long a frame with no successor is taken to show: one frame at 25 fps. */
    static final long LONE_FRAME_US = 40_000;
    private final SegmentDecoder decoder;
    private final FrameSampler sampler;

    public SegmentSampler(SamplerSpec spec, FrameSize frameSize, int decoderThreads) {
        this.decoder = new SegmentDecoder(frameSize, decoderThreads);
        this.sampler = new FrameSampler(spec);
    }

    /**
     * What sampling one segment left behind: the sampler state for the next segment, and the
     * reason if the segment could not be decoded in full (frames before the damage were kept).
     */
    public record Outcome(SamplerState state, int framesDecoded, long endUs, Optional<DecodeException> failure) {
    }

    /**
     * Samples one segment of a stream whose sampler had {@code state} after its previous segment.
     * Its time goes to the {@link StageClock} as {@code decode} (FFmpeg), {@code sample} (thumbnail
     * and decision of every frame) and {@code convert} (RGB at model size, sampled frames only).
     */
    public Outcome sample(VideoSegment segment, SamplerState state, Consumer<SampledFrame> out) {
        return sample(segment, state, out, false);
    }

    /** As {@link #sample(VideoSegment, SamplerState, Consumer)}; {@code keyframesOnly} decodes only keyframes whatever the sampler. */
    public Outcome sample(VideoSegment segment, SamplerState state, Consumer<SampledFrame> out, boolean keyframesOnly) {
        long started = StageClock.start();
        long[] insideNanos = {0, 0}; // sampling, conversion
        try {
            return sample(segment, state, out, insideNanos, keyframesOnly || sampler.spec().kind() == SamplerSpec.Kind.KEYFRAMES);
        } finally {
            StageClock.addNanos("decode", System.nanoTime() - started - insideNanos[0] - insideNanos[1]);
            StageClock.addNanos("sample", insideNanos[0]);
            StageClock.addNanos("convert", insideNanos[1]);
        }
    }

    private Outcome sample(VideoSegment segment, SamplerState state, Consumer<SampledFrame> out, long[] insideNanos,
                           boolean keyframesOnly) {
        SamplerState[] current = {state};
        int[] decoded = {0};
        long[] lastTwo = {segment.startUs(), segment.startUs()};
        try {
            SegmentDecoder.Decoded result = decoder.decode(segment, keyframesOnly, frame -> {
                decoded[0]++;
                lastTwo[0] = lastTwo[1];
                lastTwo[1] = frame.ptsUs();
                long offered = System.nanoTime();
                FrameSampler.Decision decision = sampler.offer(frame.ptsUs(), frame.histogram(), frame.luma(), current[0]);
                current[0] = decision.next();
                long decided = System.nanoTime();
                insideNanos[0] += decided - offered;
                if (decision.sample()) {
                    DecodedFrame.Pixels pixels = frame.pixels();
                    insideNanos[1] += System.nanoTime() - decided;
                    StageClock.count("frames-sampled", 1);
                    out.accept(new SampledFrame(segment.streamId(), segment.seq(), frame.ptsUs(), decision.sceneId(),
                            decision.novelty(), decision.motion(), pixels.width(), pixels.height(), pixels.rgb()));
                }
            });
            // The packets say where the pictures end, also those not decoded: keyframes only, the
            // frames alone would put the end one keyframe interval after the last keyframe.
            long endUs = result.endUs() != Long.MIN_VALUE ? result.endUs() : endOf(lastTwo);
            return new Outcome(current[0], decoded[0], endUs, Optional.empty());
        } catch (DecodeException e) {
            return new Outcome(current[0], decoded[0], endOf(lastTwo), Optional.of(e));
        } finally {
            StageClock.count("frames-decoded", decoded[0]);
        }
    }

    /**
     * Just after the last frame: its time plus the interval that led to it, or, for a segment of
     * one frame, {@link #LONE_FRAME_US}, so that a one-frame video still spans a window.
     */
    private static long endOf(long[] lastTwo) {
        long interval = lastTwo[1] - lastTwo[0];
        return lastTwo[1] + (interval > 0 ? interval : LONE_FRAME_US);
    }

    @Override
    public void close() {
        decoder.close();
    }
}
