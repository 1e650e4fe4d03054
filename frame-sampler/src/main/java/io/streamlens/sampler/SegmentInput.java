package io.streamlens.sampler;

import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.SegmentContainer;
import io.streamlens.records.VideoSegment;
import java.io.ByteArrayInputStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * The one way FFmpeg opens a segment's bytes, for pictures and for sound: the demuxer comes from
 * the {@link SegmentContainer} allow-list (never from the header's text) and every protocol is
 * refused, so no byte of a segment can make FFmpeg read another file or reach a host.
 */
public final class SegmentInput {
    private SegmentInput() {
    }

    /**
     * A grabber over the segment's bytes, not yet started.
     *
     * @param probeDurationUs how far FFmpeg may read to find the streams' parameters
     * @param probeBytes the same, in bytes
     * @throws DecodeException ({@code unsupported-container}) when the container is not allowed
     */
    public static FFmpegFrameGrabber grabber(VideoSegment segment, String probeDurationUs, String probeBytes)
            throws DecodeException {
        SegmentContainer container = SegmentContainer.of(segment.container()).orElseThrow(() -> new DecodeException(
                DeadLetterReason.UNSUPPORTED_CONTAINER, "container '" + segment.container() + "' is not one of "
                        + SegmentContainer.allowed(), null));
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(segment.bytes()), 0);
        grabber.setFormat(container.demuxer());
        SegmentContainer.LOCKED_DOWN.forEach(grabber::setOption);
        grabber.setOption("analyzeduration", probeDurationUs);
        grabber.setOption("probesize", probeBytes);
        return grabber;
    }
}
