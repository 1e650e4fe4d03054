package io.streamlens.sampler;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;

import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.VideoSegment;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

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
    private static final String PROBE_DURATION_US = "200000";
    private static final String PROBE_BYTES = "262144";
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
    public int decode(VideoSegment segment, boolean keyframesOnly, FrameVisitor visitor) throws DecodeException {
        // A segment's codec parameters sit in its first packets (PMT, SPS, keyframe); probing further
        // would decode frames twice, which costs more than the decode itself in keyframe scans.
        FFmpegFrameGrabber grabber = SegmentInput.grabber(segment, PROBE_DURATION_US, PROBE_BYTES);
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        grabber.setVideoOption("threads", Integer.toString(threads));
        int frames = 0;
        try {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new DecodeException(DeadLetterReason.UNDECODABLE, "FFmpeg cannot open the segment as "
                        + segment.container() + ": " + e.getMessage(), e);
            }
            if (grabber.getImageWidth() <= 0) {
                throw new DecodeException(DeadLetterReason.UNDECODABLE, "the segment has no video stream", null);
            }
            FrameLimits.check(grabber.getImageWidth(), grabber.getImageHeight());
            long firstTimestamp = Long.MIN_VALUE;
            Frame frame;
            View view = new View();
            while ((frame = grabber.grabFrame(false, true, true, keyframesOnly, false)) != null) {
                if (frame.image == null || !(frame.opaque instanceof AVFrame picture)) {
                    continue;
                }
                if (firstTimestamp == Long.MIN_VALUE) {
                    firstTimestamp = frame.timestamp;
                }
                if (frame.timestamp < firstTimestamp) {
                    continue; // leading frames of an open GOP belong to the previous segment
                }
                if (frame.timestamp - firstTimestamp > MAX_SPAN_US) {
                    throw new DecodeException(DeadLetterReason.DAMAGED, "a frame's timestamp jumps "
                            + (frame.timestamp - firstTimestamp) / 1_000_000 + " s past the segment's first frame;"
                            + " the frames before it were kept", null);
                }
                FrameLimits.check(picture.width(), picture.height());
                view.reset(picture, segment.startUs() + frame.timestamp - firstTimestamp, frame.keyFrame);
                visitor.visit(view);
                frames++;
            }
        } catch (DecodeException e) {
            throw e;
        } catch (Exception e) {
            throw new DecodeException(frames == 0 ? DeadLetterReason.UNDECODABLE : DeadLetterReason.DAMAGED,
                    "decoding failed after " + frames + " frame(s): " + e.getMessage(), e);
        } finally {
            try {
                grabber.release();
            } catch (FrameGrabber.Exception ignored) {
                // The segment's outcome is already decided; a failed release leaks nothing we reuse.
            }
        }
        if (frames == 0) {
            throw new DecodeException(DeadLetterReason.UNDECODABLE,
                    "no frame could be decoded from the segment's " + segment.bytes().length + " bytes", null);
        }
        return frames;
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
