package io.streamlens.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * A frame chosen by a sampler, with its pixels resized for the models and copied out of the
 * decoder's buffers.
 *
 * @param streamId the stream it belongs to
 * @param segmentSeq the segment it was decoded from
 * @param ptsUs presentation time counted from the first frame of the source
 * @param sceneId the shot it belongs to within its stream (0, 1, 2, …)
 * @param novelty how different it is from what came before, 0 (same) to 1 (entirely new)
 * @param motion how much moved since the previous sampled frame: the mean absolute luma difference
 *     between consecutive decoded frames (0 still, 1 black to white everywhere), averaged over the
 *     frames since that sample and leaving out the frame of a shot change
 * @param width width of {@code rgb}
 * @param height height of {@code rgb}
 * @param rgb packed RGB24 pixels, {@code width * height * 3} bytes, row-major
 */
public record SampledFrame(
        String streamId, long segmentSeq, long ptsUs, int sceneId, double novelty, double motion,
        int width, int height, byte[] rgb) {

    public SampledFrame {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(rgb, "rgb");
        if (!(motion >= 0 && motion <= 1)) {
            throw new IllegalArgumentException("motion must be in [0, 1], got " + motion);
        }
        if (width <= 0 || height <= 0 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "rgb holds " + rgb.length + " bytes, not " + width + "x" + height + "x3");
        }
    }

    public long ptsMs() {
        return Math.floorDiv(ptsUs, 1000);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampledFrame f
                && segmentSeq == f.segmentSeq && ptsUs == f.ptsUs && sceneId == f.sceneId
                && Double.compare(novelty, f.novelty) == 0 && Double.compare(motion, f.motion) == 0
                && width == f.width && height == f.height
                && streamId.equals(f.streamId) && Arrays.equals(rgb, f.rgb);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, segmentSeq, ptsUs, sceneId, novelty, motion, width, height) * 31 + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "SampledFrame[" + streamId + " @" + ptsUs + "us scene " + sceneId + " novelty "
                + String.format("%.3f", novelty) + " motion " + String.format("%.4f", motion) + " " + width + "x" + height + "]";
    }
}
