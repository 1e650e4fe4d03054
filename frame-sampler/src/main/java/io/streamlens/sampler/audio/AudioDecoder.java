package io.streamlens.sampler.audio;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import io.streamlens.records.AudioSpan;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.StageClock;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.DecodeException;
import io.streamlens.sampler.SegmentInput;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a segment's audio track to 16 kHz mono 16-bit PCM (FFmpeg resamples and downmixes), the
 * one place where FFmpeg audio frames live. Sample times land on the video frames' timeline: like
 * {@link io.streamlens.sampler.SegmentDecoder}, a segment's first video frame plays at the
 * segment's {@code startUs}, and audio is placed by its distance from that frame in the segment's
 * own (absolute) stream timestamps, so lip and speech stay together whatever PTS offset the
 * source had.
 *
 * <pre>{@code
 * SegmentAudio audio = new AudioDecoder().decode(segment);
 * if (audio instanceof SegmentAudio.Pcm pcm) pcm.chunks().forEach(recognizer::accept);
 * }</pre>
 */
public final class AudioDecoder {
    /** A decoded frame this far from where the previous one ended starts a new chunk. */
    static final long MAX_JITTER_US = 40_000;
    // Audio parameters (sample rate, channels) sit in the first packets; see SegmentDecoder for why
    // probing stays short.
    private static final String PROBE_DURATION_US = "500000";
    private static final String PROBE_BYTES = "524288";
    /**
     * Compressed silence is a few bytes a frame, so a forged segment could decode to hours of PCM;
     * no GOP-aligned segment holds ten minutes.
     */
    static final long MAX_SAMPLES = 600L * PcmChunk.SAMPLE_RATE;

    static {
        av_log_set_level(AV_LOG_FATAL); // damaged input is normal here and reported as values
    }

    /**
     * @return the segment's PCM, or {@link SegmentAudio.Missing} when it has no audio track or one
     *     FFmpeg has no decoder for
     * @throws DecodeException when the bytes cannot be opened or the track yields no audio (damage)
     */
    public SegmentAudio decode(VideoSegment segment) throws DecodeException {
        long started = StageClock.start();
        try {
            return decodeTimed(segment);
        } finally {
            StageClock.stop("audio decode", started);
        }
    }

    private SegmentAudio decodeTimed(VideoSegment segment) throws DecodeException {
        FFmpegFrameGrabber grabber = SegmentInput.grabber(segment, PROBE_DURATION_US, PROBE_BYTES);
        grabber.setSampleRate(PcmChunk.SAMPLE_RATE);
        grabber.setAudioChannels(1);
        grabber.setSampleMode(FrameGrabber.SampleMode.SHORT);
        Chunks chunks = null;
        try {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                if (String.valueOf(e.getMessage()).contains("audio format or codec not found")) {
                    return new SegmentAudio.Missing("the audio codec cannot be decoded here: " + e.getMessage());
                }
                throw new DecodeException(DeadLetterReason.UNDECODABLE, "FFmpeg cannot open the segment as "
                        + segment.container() + ": " + e.getMessage(), e);
            }
            if (!grabber.hasAudio()) {
                return new SegmentAudio.Missing(AudioSpan.NO_AUDIO);
            }
            String codec = avcodec_get_name(grabber.getAudioCodec()).getString();
            chunks = new Chunks(segment.startUs() - referenceUs(grabber));
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                if (frame.samples != null && frame.samples.length > 0 && frame.samples[0] instanceof ShortBuffer pcm) {
                    chunks.add(frame.timestamp, pcm);
                    if (chunks.samples() > MAX_SAMPLES) {
                        throw new DecodeException(DeadLetterReason.TOO_LARGE, "the segment's audio decodes to more than "
                                + MAX_SAMPLES / PcmChunk.SAMPLE_RATE + " s of sound", null);
                    }
                }
            }
            if (chunks.isEmpty()) {
                throw new DecodeException(DeadLetterReason.UNDECODABLE,
                        "the " + codec + " audio track holds no decodable frame", null);
            }
            return new SegmentAudio.Pcm(codec, chunks.finish());
        } catch (DecodeException e) {
            throw e;
        } catch (Exception e) {
            boolean none = chunks == null || chunks.isEmpty();
            throw new DecodeException(none ? DeadLetterReason.UNDECODABLE : DeadLetterReason.DAMAGED,
                    "audio decoding failed: " + e.getMessage(), e);
        } finally {
            try {
                grabber.release();
            } catch (FrameGrabber.Exception ignored) {
                // The outcome is decided; a failed release leaks nothing we reuse.
            }
        }
    }

    /**
     * The stream timestamp (µs) of the segment's first video packet, the keyframe that plays at
     * {@code startUs}; MPEG-TS demuxing sets a stream's start time from its first packet. Without
     * video, the first audio packet plays at {@code startUs}.
     */
    private static long referenceUs(FFmpegFrameGrabber grabber) {
        int[] streams = grabber.hasVideo()
                ? new int[] {grabber.getVideoStream(), grabber.getAudioStream()}
                : new int[] {grabber.getAudioStream()};
        for (int index : streams) {
            AVStream stream = grabber.getFormatContext().streams(index);
            if (stream.start_time() != AV_NOPTS_VALUE) {
                AVRational tb = stream.time_base();
                return stream.start_time() * 1_000_000L * tb.num() / tb.den();
            }
        }
        return 0;
    }

    /** Copies JavaCV's reused sample buffers into contiguous chunks, splitting where time jumps. */
    private static final class Chunks {
        private final long offsetUs;
        private final List<PcmChunk> done = new ArrayList<>();
        private long startUs;
        private short[] buffer = new short[PcmChunk.SAMPLE_RATE * 2];
        private int length;
        private long flushedSamples;

        Chunks(long offsetUs) {
            this.offsetUs = offsetUs;
        }

        void add(long streamTimestampUs, ShortBuffer pcm) {
            long atUs = streamTimestampUs + offsetUs;
            if (length > 0 && Math.abs(atUs - (startUs + PcmChunk.samplesToMicros(length))) > MAX_JITTER_US) {
                flush();
            }
            if (length == 0) {
                startUs = atUs;
            }
            int count = pcm.remaining();
            if (length + count > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
            }
            pcm.duplicate().get(buffer, length, count);
            length += count;
        }

        long samples() {
            return flushedSamples + length;
        }

        boolean isEmpty() {
            return done.isEmpty() && length == 0;
        }

        List<PcmChunk> finish() {
            flush();
            return done;
        }

        private void flush() {
            if (length > 0) {
                done.add(new PcmChunk(startUs, Arrays.copyOf(buffer, length)));
                flushedSamples += length;
                length = 0;
            }
        }
    }
}
