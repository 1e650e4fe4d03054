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
 * @param previousLuma thumbnail luma of the previous decoded frame (empty before the first), so the
 *     first frame of a segment is compared with the last frame of the one before
 * @param motionSum sum of the frame differences since the last sample (cut frames left out)
 * @param motionFrames how many frame differences {@code motionSum} adds up
 */
public record SamplerState(boolean started, int sceneId, long nextUniformUs, long lastSampledUs, float[] previousFrame,
        float[] lastSampled, byte[] previousLuma, double motionSum, int motionFrames) {

    public static SamplerState initial() {
        return new SamplerState(false, 0, 0, 0, new float[ColorHistogram.BINS], new float[ColorHistogram.BINS],
                new byte[0], 0, 0);
    }
}
