package io.streamlens.sampler;

/** The size sampled frames are resized to: the longest side at most {@code maxSide}, aspect kept, never upscaled. */
public record FrameSize(int maxSide) implements java.io.Serializable {
    public static final FrameSize DEFAULT = new FrameSize(640);

    public FrameSize {
        if (maxSide < 16 || maxSide > 8192) {
            throw new IllegalArgumentException("frame size must be between 16 and 8192 pixels, got " + maxSide);
        }
    }

    /** {width, height} for a source of the given size. */
    int[] fit(int width, int height) {
        double scale = Math.min(1.0, maxSide / (double) Math.max(width, height));
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }
}
