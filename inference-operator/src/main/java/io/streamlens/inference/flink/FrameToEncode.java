package io.streamlens.inference.flink;

import io.streamlens.inference.RgbImage;
import java.util.Objects;

/**
 * A frame for {@link EncodeFrames}.
 *
 * @param streamId the stream it belongs to, carried through to the result
 * @param ptsMs its time, carried through to the result
 * @param image its pixels
 */
public record FrameToEncode(String streamId, long ptsMs, RgbImage image) {

    public FrameToEncode {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(image, "image");
    }
}
