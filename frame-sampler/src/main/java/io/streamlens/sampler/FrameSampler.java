package io.streamlens.sampler;

/**
 * Decides, frame by frame, which frames of a stream to keep, which shot each belongs to and how
 * much moved since the previous sample. Plain Java: the caller owns the {@link SamplerState} and
 * hands it back with every frame.
 *
 * <p>Motion is the mean luma difference between consecutive decoded frames ({@link Luma}), averaged
 * over the frames since the previous sample, so one sample a second of 25 fps video summarises 25
 * differences rather than a single pair of frames. The difference across a shot change is left
 * out: a cut replaces every pixel while nothing moves, and one cut frame among 25 would otherwise
 * lift a still window to about the motion of a slow pan. Cuts are reported by the shot ids instead.
 * In keyframe mode only keyframes are decoded, so consecutive frames are a GOP apart and the same
 * movement scores higher than in the other modes.
 */
public final class FrameSampler {
    private final SamplerSpec spec;
    private final long uniformPeriodUs;

    public FrameSampler(SamplerSpec spec) {
        this.spec = spec;
        this.uniformPeriodUs = spec.fps() > 0 ? Math.round(1_000_000 / spec.fps()) : 0;
    }

    public SamplerSpec spec() {
        return spec;
    }

    /**
     * The decision for one frame, and the state to use for the next.
     *
     * @param novelty for a sample, how far its colours are from the last sample's (or the cut
     *     distance at a shot change); otherwise the distance from the previous frame
     * @param motion for a sample, the mean frame difference since the last sample, 0..1; otherwise
     *     this frame's own difference (0 at a cut and on a stream's first frame)
     */
    public record Decision(boolean sample, int sceneId, double novelty, double motion, SamplerState next) {
    }

    /** Offers a frame's thumbnail histogram and luma ({@link DecodedFrame#histogram()}, {@link DecodedFrame#luma()}). */
    public Decision offer(long ptsUs, float[] histogram, byte[] luma, SamplerState state) {
        if (!state.started()) {
            long nextUniform = ptsUs + uniformPeriodUs;
            return new Decision(true, 0, 1.0, 0, new SamplerState(true, 0, nextUniform, ptsUs, histogram, histogram, luma, 0, 0));
        }
        double cut = ColorHistogram.distance(histogram, state.previousFrame());
        boolean newShot = cut >= spec.sceneThreshold();
        int sceneId = newShot ? state.sceneId() + 1 : state.sceneId();
        double difference = newShot ? 0 : difference(luma, state.previousLuma());
        double motionSum = state.motionSum() + difference;
        int motionFrames = state.motionFrames() + (newShot ? 0 : 1);
        boolean sample;
        long nextUniform = state.nextUniformUs();
        switch (spec.kind()) {
            case UNIFORM, KEYFRAMES -> {
                // keyframes:<fps> takes the first keyframe at or after each tick; plain keyframes (no period) takes all
                sample = uniformPeriodUs == 0 || ptsUs >= nextUniform;
                while (uniformPeriodUs > 0 && nextUniform <= ptsUs) {
                    nextUniform += uniformPeriodUs;
                }
            }
            case SCENE -> sample = newShot || ptsUs - state.lastSampledUs() >= spec.refreshUs();
            default -> throw new IllegalStateException("unknown sampler kind " + spec.kind());
        }
        if (!sample) {
            return new Decision(false, sceneId, cut, difference, new SamplerState(true, sceneId, nextUniform,
                    state.lastSampledUs(), histogram, state.lastSampled(), luma, motionSum, motionFrames));
        }
        double novelty = newShot ? cut : ColorHistogram.distance(histogram, state.lastSampled());
        double motion = motionFrames == 0 ? 0 : motionSum / motionFrames;
        return new Decision(true, sceneId, novelty, motion,
                new SamplerState(true, sceneId, nextUniform, ptsUs, histogram, histogram, luma, 0, 0));
    }

    /** 0 when there is nothing comparable to go on, e.g. state restored from before motion was kept. */
    private static double difference(byte[] luma, byte[] previous) {
        return previous == null || previous.length != luma.length ? 0 : Luma.difference(luma, previous);
    }
}
