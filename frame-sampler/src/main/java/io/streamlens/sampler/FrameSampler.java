package io.streamlens.sampler;

/**
 * Decides, frame by frame, which frames of a stream to keep and which shot each belongs to.
 * Plain Java: the caller owns the {@link SamplerState} and hands it back with every frame.
 */
public final class FrameSampler {
    private final SamplerSpec spec;
    private final long uniformPeriodUs;

    public FrameSampler(SamplerSpec spec) {
        this.spec = spec;
        this.uniformPeriodUs = spec.kind() == SamplerSpec.Kind.UNIFORM ? Math.round(1_000_000 / spec.fps()) : 0;
    }

    public SamplerSpec spec() {
        return spec;
    }

    /** The decision for one frame, and the state to use for the next. */
    public record Decision(boolean sample, int sceneId, double novelty, SamplerState next) {
    }

    public Decision offer(long ptsUs, float[] histogram, SamplerState state) {
        if (!state.started()) {
            long nextUniform = ptsUs + uniformPeriodUs;
            return new Decision(true, 0, 1.0, new SamplerState(true, 0, nextUniform, ptsUs, histogram, histogram));
        }
        double cut = ColorHistogram.distance(histogram, state.previousFrame());
        boolean newShot = cut >= spec.sceneThreshold();
        int sceneId = newShot ? state.sceneId() + 1 : state.sceneId();
        boolean sample;
        long nextUniform = state.nextUniformUs();
        switch (spec.kind()) {
            case UNIFORM -> {
                sample = ptsUs >= nextUniform;
                while (nextUniform <= ptsUs) {
                    nextUniform += uniformPeriodUs;
                }
            }
            case SCENE -> sample = newShot || ptsUs - state.lastSampledUs() >= spec.refreshUs();
            case KEYFRAMES -> sample = true;
            default -> throw new IllegalStateException("unknown sampler kind " + spec.kind());
        }
        if (!sample) {
            return new Decision(false, sceneId, cut, new SamplerState(
                    true, sceneId, nextUniform, state.lastSampledUs(), histogram, state.lastSampled()));
        }
        double novelty = newShot ? cut : ColorHistogram.distance(histogram, state.lastSampled());
        return new Decision(true, sceneId, novelty, new SamplerState(true, sceneId, nextUniform, ptsUs, histogram, histogram));
    }
}
