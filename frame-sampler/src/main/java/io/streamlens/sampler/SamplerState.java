package io.streamlens.sampler;

/**
 * What a stream's sampler remembers between frames and segments; kept in Flink keyed state.
 *
 * @param started whether any frame was seen yet
 * @param sceneId the current shot
 * @param nextUniformUs when the next uniform sample is due (keeps the phase across segments)
 * @param lastSampledUs when the last sample was taken
 * @param previousFrame histogram of the previous decoded frame
 * @param lastSampled histogram of the last sampled frame
 */
public record SamplerState(
        boolean started, int sceneId, long nextUniformUs, long lastSampledUs, float[] previousFrame, float[] lastSampled) {

    public static SamplerState initial() {
        return new SamplerState(false, 0, 0, 0, new float[ColorHistogram.BINS], new float[ColorHistogram.BINS]);
    }
}
