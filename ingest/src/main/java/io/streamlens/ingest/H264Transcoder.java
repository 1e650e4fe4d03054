package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.streamlens.records.DeadLetterReason;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Re-encodes a source whose video codec MPEG-TS cannot carry (old AVI codecs, VP8, MJPEG …) to
 * H.264 (OpenH264, the encoder the bundled FFmpeg has), cutting a new segment, and so a new
 * keyframe, every {@link SegmenterOptions#targetDurationUs()}. Audio, if any, becomes AAC.
 */
final class H264Transcoder {
    private static final int VIDEO_BITRATE_PER_PIXEL_FRAME = 3; // ~2.8 Mbit/s at 720p30, plenty for analysis

    private final MediaSource media;
    private final SegmenterOptions options;

    H264Transcoder(MediaSource media, SegmenterOptions options) {
        this.media = media;
        this.options = options;
    }

    SourceSummary forEach(SegmentConsumer consumer) throws Exception {
        FFmpegFrameGrabber grabber = media.grabber;
        double fps = grabber.getFrameRate() > 0 && grabber.getFrameRate() < 240 ? grabber.getFrameRate() : 25;
        long origin = Long.MIN_VALUE;
        long seq = 0;
        long segmentStart = 0;
        long lastVideoEnd = 0;
        Encoder encoder = null;
        Frame frame;
        try {
            while ((frame = grabber.grab()) != null) {
                if (frame.image != null) {
                    if (origin == Long.MIN_VALUE) {
                        origin = frame.timestamp;
                    }
                    long ptsUs = frame.timestamp - origin;
                    if (encoder != null && ptsUs - segmentStart >= options.targetDurationUs()) {
                        consumer.accept(new Segment(seq++, segmentStart, lastVideoEnd - segmentStart, false,
                                TsMuxer.CONTAINER, encoder.finish()));
                        encoder = null;
                    }
                    if (encoder == null) {
                        encoder = new Encoder(grabber, fps);
                        segmentStart = ptsUs;
                    }
                    lastVideoEnd = ptsUs + Math.round(1_000_000 / fps);
                    encoder.recorder.setTimestamp(ptsUs - segmentStart);
                    encoder.recorder.record(frame);
                } else if (frame.samples != null && encoder != null && encoder.hasAudio) {
                    encoder.recorder.record(frame);
                }
            }
            if (encoder == null) {
                throw new IngestException(DeadLetterReason.NOT_A_VIDEO, "no decodable video frame");
            }
            consumer.accept(new Segment(seq++, segmentStart, lastVideoEnd - segmentStart, true,
                    TsMuxer.CONTAINER, encoder.finish()));
            encoder = null;
        } finally {
            if (encoder != null) {
                encoder.recorder.release();
            }
        }
        return new SourceSummary(seq, lastVideoEnd, Optional.empty());
    }

    /** One segment's H.264 encoder writing MPEG-TS into memory. */
    private static final class Encoder {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final FFmpegFrameRecorder recorder;
        final boolean hasAudio;

        Encoder(FFmpegFrameGrabber grabber, double fps) throws FrameRecorder.Exception {
            int width = grabber.getImageWidth() & ~1;
            int height = grabber.getImageHeight() & ~1;
            hasAudio = grabber.getAudioChannels() > 0 && grabber.getSampleRate() > 0;
            recorder = new FFmpegFrameRecorder(bytes, width, height, hasAudio ? grabber.getAudioChannels() : 0);
            recorder.setFormat(TsMuxer.CONTAINER);
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize((int) Math.ceil(fps * 10));
            recorder.setVideoBitrate((int) Math.min(20_000_000L, (long) width * height * VIDEO_BITRATE_PER_PIXEL_FRAME * (long) fps / 3));
            if (hasAudio) {
                recorder.setAudioCodec(AV_CODEC_ID_AAC);
                recorder.setSampleRate(grabber.getSampleRate());
                recorder.setAudioBitrate(128_000);
            }
            recorder.start();
        }

        byte[] finish() throws FrameRecorder.Exception {
            recorder.stop();
            recorder.release();
            return bytes.toByteArray();
        }
    }
}
