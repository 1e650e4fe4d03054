package io.streamlens.sampler;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;

import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.VideoSegment;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Decodes segments from their bytes (no temporary files) with FFmpeg, the one place where
 * FFmpeg frames live. Frames stay in the decoder's native pixel format; each one is reduced to a
 * tiny thumbnail for scene and motion scoring, and only frames a visitor asks for are converted to
 * RGB at the model's size. In keyframe mode non-key packets are never handed to the decoder, so an
 * archive scan costs a fraction of a full decode.
 */
public final class SegmentDecoder implements AutoCloseable {
    static final int THUMB_WIDTH = 64;
    static final int THUMB_HEIGHT = 36;
    private static final long PROBE_DURATION_US = 200_000;
    private static final long PROBE_BYTES = 256 * 1024;
    /** A segment starts at a keyframe; no real GOP lasts hours, so a longer span is forged or broken time. */
    static final long MAX_SPAN_US = 6L * 3600 * 1_000_000;

    static {
        // Damaged input is normal here and reported as dead letters; FFmpeg's per-macroblock
        // complaints about it would only bury the logs (process-wide: FFmpeg has one log level).
        av_log_set_level(AV_LOG_FATAL);
    }

    private final FrameSize frameSize;
    private final int threads;
    // Nearest-neighbour is enough for a 64-bin histogram of 2304 samples, and the cheapest per frame.
    private final FrameScaler thumbnails = new FrameScaler(SWS_POINT);
    private final FrameScaler resizer = new FrameScaler(SWS_AREA);
    // Only the histogram and luma derived from a thumbnail are kept, so its pixels can reuse one array.
    private final byte[] thumbnail = new byte[THUMB_WIDTH * THUMB_HEIGHT * 3];

    /**
     * @param frameSize the size sampled frames are converted to
     * @param threads decoder threads per segment; 1 scales best when many streams share the cores
     */
    public SegmentDecoder(FrameSize frameSize, int threads) {
        this.frameSize = frameSize;
        this.threads = threads;
    }

    @FunctionalInterface
    public interface FrameVisitor {
        void visit(DecodedFrame frame) throws Exception;
    }

    /**
     * Decodes one segment, showing every decoded frame (every keyframe in keyframe mode) to the
     * visitor in presentation order.
     *
     * @return the number of frames decoded
     * @throws DecodeException when the bytes cannot be opened or hold no decodable frame; frames
     *     visited before a failure stay visited
     */
    public Decoded decode(VideoSegment segment, boolean keyframesOnly, FrameVisitor visitor) throws DecodeException {
        // A segment's codec parameters sit in its first packets (PMT, SPS, keyframe); probing further
        // would decode frames twice, which costs more than the decode itself in keyframe scans.
        try (SegmentInput input = SegmentInput.open(segment, PROBE_DURATION_US, PROBE_BYTES)) {
            AVStream stream = videoStream(input);
            if (stream.codecpar().width() > 0 || stream.codecpar().height() > 0) {
                FrameLimits.check(stream.codecpar().width(), stream.codecpar().height()); // else each frame is checked
            }
            Pictures pictures = new Pictures(segment, stream.time_base(), keyframesOnly, visitor);
            PacketSpan span = new PacketSpan(stream.time_base());
            try (StreamDecoder decoder = StreamDecoder.open(stream, Map.of("threads", Integer.toString(threads),
                            "max_pixels", Long.toString(FrameLimits.MAX_PIXELS)))
                    .orElseThrow(() -> new DecodeException(DeadLetterReason.UNDECODABLE, "FFmpeg has no decoder for the "
                            + avcodec_get_name(stream.codecpar().codec_id()).getString() + " video", null))) {
                try {
                    AVPacket packet;
                    while ((packet = input.nextPacket()) != null) {
                        if (packet.stream_index() != stream.index()) {
                            continue;
                        }
                        span.add(packet);
                        // In keyframe mode the decoder never sees the packets between keyframes.
                        if (!keyframesOnly || (packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                            decoder.decode(packet, pictures);
                        }
                    }
                    decoder.drain(pictures);
                } catch (DecodeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new DecodeException(pictures.count == 0 ? DeadLetterReason.UNDECODABLE : DeadLetterReason.DAMAGED,
                            "decoding failed after " + pictures.count + " frame(s): " + e.getMessage(), e);
                }
            }
            if (pictures.count == 0) {
                throw new DecodeException(DeadLetterReason.UNDECODABLE,
                        "no frame could be decoded from the segment's " + segment.bytes().length + " bytes", null);
            }
            return new Decoded(pictures.count, timelineEnd(segment, span, pictures.firstUs));
        }
    }

    /**
     * What decoding a segment gave.
     *
     * @param frames the number of frames shown to the visitor
     * @param endUs where the segment's pictures end on the stream's timeline, from its packets
     *     (also those not decoded), or {@code Long.MIN_VALUE} when they do not say
     */
    public record Decoded(int frames, long endUs) {
    }

    /**
     * Where a segment's pictures end on the stream's timeline, read from its packets without
     * decoding any: for a segment a live job behind its streams does not decode.
     *
     * @return the end, or {@code Long.MIN_VALUE} when the packets do not say
     * @throws DecodeException when the bytes cannot be opened or hold no video
     */
    public static long endOf(VideoSegment segment) throws DecodeException {
        try (SegmentInput input = SegmentInput.open(segment, PROBE_DURATION_US, PROBE_BYTES)) {
            AVStream stream = videoStream(input);
            PacketSpan span = new PacketSpan(stream.time_base());
            for (AVPacket packet; (packet = input.nextPacket()) != null; ) {
                if (packet.stream_index() == stream.index()) {
                    span.add(packet);
                }
            }
            return timelineEnd(segment, span, span.firstKeyUs());
        }
    }

    private static AVStream videoStream(SegmentInput input) throws DecodeException {
        AVStream stream = input.firstStream(AVMEDIA_TYPE_VIDEO);
        if (stream == null) {
            throw new DecodeException(DeadLetterReason.UNDECODABLE, "the segment has no video stream", null);
        }
        return stream;
    }

    /** The packets' end moved onto the timeline, where the picture at {@code zeroUs} (stream time) plays at startUs. */
    private static long timelineEnd(VideoSegment segment, PacketSpan span, long zeroUs) {
        long endUs = span.endUs();
        if (endUs == AV_NOPTS_VALUE || zeroUs == AV_NOPTS_VALUE || endUs <= zeroUs || endUs - zeroUs > MAX_SPAN_US) {
            return Long.MIN_VALUE; // no timestamps, or forged ones: the frames' own times will do
        }
        return segment.startUs() + endUs - zeroUs;
    }

    /** Places decoded pictures on the segment's timeline and shows them to the visitor. */
    private final class Pictures implements StreamDecoder.FrameConsumer {
        private final VideoSegment segment;
        private final AVRational timeBase;
        private final boolean keyframesOnly;
        private final FrameVisitor visitor;
        private final View view = new View();
        private long firstUs = AV_NOPTS_VALUE;
        private long lastUs;
        int count;

        Pictures(VideoSegment segment, AVRational timeBase, boolean keyframesOnly, FrameVisitor visitor) {
            this.segment = segment;
            this.timeBase = timeBase;
            this.keyframesOnly = keyframesOnly;
            this.visitor = visitor;
        }

        @Override
        public void accept(AVFrame picture) throws Exception {
            if (keyframesOnly && picture.pict_type() != AV_PICTURE_TYPE_I) {
                return; // a keyframe packet can complete a frame that referred to dropped ones
            }
            long pts = picture.best_effort_timestamp();
            // A frame without a timestamp plays where the one before it did; rescaling saturates, never overflows.
            long atUs = pts == AV_NOPTS_VALUE ? lastUs : StreamTime.micros(pts, timeBase);
            if (firstUs == AV_NOPTS_VALUE) {
                firstUs = atUs;
            }
            if (atUs < firstUs) {
                return; // leading frames of an open GOP belong to the previous segment
            }
            if (atUs - firstUs > MAX_SPAN_US) {
                throw new DecodeException(DeadLetterReason.DAMAGED, "a frame's timestamp jumps "
                        + (atUs - firstUs) / 1_000_000 + " s past the segment's first frame;"
                        + " the frames before it were kept", null);
            }
            lastUs = atUs;
            FrameLimits.check(picture.width(), picture.height());
            view.reset(picture, segment.startUs() + atUs - firstUs, (picture.flags() & AVFrame.AV_FRAME_FLAG_KEY) != 0);
            visitor.visit(view);
            count++;
        }
    }

    /** The one reused view handed to visitors. */
    private final class View implements DecodedFrame {
        private AVFrame picture;
        private long ptsUs;
        private boolean keyFrame;
        private float[] histogram;
        private byte[] luma;

        void reset(AVFrame picture, long ptsUs, boolean keyFrame) {
            this.picture = picture;
            this.ptsUs = ptsUs;
            this.keyFrame = keyFrame;
            this.histogram = null;
            this.luma = null;
        }

        @Override
        public long ptsUs() {
            return ptsUs;
        }

        @Override
        public boolean keyFrame() {
            return keyFrame;
        }

        @Override
        public float[] histogram() {
            scoreThumbnail();
            return histogram;
        }

        @Override
        public byte[] luma() {
            scoreThumbnail();
            return luma;
        }

        /** Scales the frame to the thumbnail once, for both scores. */
        private void scoreThumbnail() {
            if (histogram == null) {
                thumbnails.toRgb(picture, THUMB_WIDTH, THUMB_HEIGHT, thumbnail);
                histogram = ColorHistogram.of(thumbnail, THUMB_WIDTH * THUMB_HEIGHT);
                luma = Luma.of(thumbnail, THUMB_WIDTH * THUMB_HEIGHT);
            }
        }

        @Override
        public Pixels pixels() {
            int[] size = frameSize.fit(picture.width(), picture.height());
            return new Pixels(size[0], size[1], resizer.toRgb(picture, size[0], size[1]));
        }
    }

    @Override
    public void close() {
        thumbnails.close();
        resizer.close();
    }
}
