package io.streamlens.sampler;

/**
 * A decoded frame as a {@link SegmentDecoder} shows it to its visitor: valid only during the
 * visit, because the decoder reuses its buffers. {@link #pixels()} copies out what is kept.
 */
public interface DecodedFrame {
    /** Presentation time counted from the first frame of the source. */
    long ptsUs();

    boolean keyFrame();

    /** Colour histogram of a small thumbnail, for scene scoring. */
    float[] histogram();

    /** Luma of the same thumbnail, for motion scoring; a fresh array the caller may keep. */
    byte[] luma();

    /** The frame resized to the configured {@link FrameSize}, as a fresh RGB24 array. */
    Pixels pixels();

    record Pixels(int width, int height, byte[] rgb) {
    }
}
