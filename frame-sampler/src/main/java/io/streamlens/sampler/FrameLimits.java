package io.streamlens.sampler;

import io.streamlens.records.DeadLetterReason;

/**
 * The picture sizes StreamLens looks at. A side below {@link #MIN_SIDE} pixels carries nothing a
 * model could read, and such pictures are where scalers' edge cases live; above
 * {@link #MAX_PIXELS} (8K UHD with room) a forged header would make every frame cost hundreds of
 * megabytes.
 */
public final class FrameLimits {
    public static final int MIN_SIDE = 16;
    public static final long MAX_PIXELS = 8192L * 4352;

    private FrameLimits() {
    }

    /** @throws DecodeException ({@code too-small} or {@code too-large}) for a size outside the limits */
    public static void check(int width, int height) throws DecodeException {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new DecodeException(DeadLetterReason.TOO_SMALL, "the picture is " + width + "x" + height
                    + " pixels; both sides must be at least " + MIN_SIDE, null);
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new DecodeException(DeadLetterReason.TOO_LARGE, "the picture is " + width + "x" + height
                    + " pixels, more than the " + MAX_PIXELS + " allowed", null);
        }
    }
}
