package io.streamlens.sampler.audio;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import io.streamlens.records.AudioSpan;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.StageClock;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.DecodeException;
import io.streamlens.sampler.SegmentInput;
import io.streamlens.sampler.StreamDecoder;
import io.streamlens.sampler.StreamTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

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
    private static final long PROBE_DURATION_US = 500_000;
    private static final long PROBE_BYTES = 512 * 1024;
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
        try (SegmentInput input = SegmentInput.open(segment, PROBE_DURATION_US, PROBE_BYTES)) {
            AVStream audio = input.firstStream(AVMEDIA_TYPE_AUDIO);
            if (audio == null) {
                return new SegmentAudio.Missing(AudioSpan.NO_AUDIO);
            }
            String codec = avcodec_get_name(audio.codecpar().codec_id()).getString();
            Optional<StreamDecoder> opened = StreamDecoder.open(audio, Map.of());
            if (opened.isEmpty()) {
                return new SegmentAudio.Missing("the " + codec + " audio codec cannot be decoded here");
            }
            AVStream video = input.firstStream(AVMEDIA_TYPE_VIDEO);
            FirstTimestamp firstVideo = new FirstTimestamp();
            FirstTimestamp firstAudio = new FirstTimestamp();
            Chunks chunks = new Chunks();
            try (StreamDecoder decoder = opened.get(); MonoResampler resampler = new MonoResampler()) {
                StreamDecoder.FrameConsumer sound = frame -> {
                    long pts = frame.best_effort_timestamp();
                    chunks.add(pts == AV_NOPTS_VALUE ? chunks.endUs() : StreamTime.micros(pts, audio.time_base()),
                            resampler.convert(frame));
                    if (chunks.samples() > MAX_SAMPLES) {
                        throw new DecodeException(DeadLetterReason.TOO_LARGE, "the segment's audio decodes to more than "
                                + MAX_SAMPLES / PcmChunk.SAMPLE_RATE + " s of sound", null);
                    }
                };
                AVPacket packet;
                while ((packet = input.nextPacket()) != null) {
                    if (packet.stream_index() == audio.index()) {
                        firstAudio.see(packet, audio.time_base());
                        decoder.decode(packet, sound);
                    } else if (video != null && packet.stream_index() == video.index()) {
                        firstVideo.see(packet, video.time_base());
                    }
                }
                decoder.drain(sound);
            } catch (DecodeException e) {
                throw e;
            } catch (Exception e) {
                throw new DecodeException(chunks.isEmpty() ? DeadLetterReason.UNDECODABLE : DeadLetterReason.DAMAGED,
                        "audio decoding failed: " + e.getMessage(), e);
            }
            if (chunks.isEmpty()) {
                throw new DecodeException(DeadLetterReason.UNDECODABLE,
                        "the " + codec + " audio track holds no decodable frame", null);
            }
            long referenceUs = firstVideo.known() ? firstVideo.us : firstAudio.known() ? firstAudio.us : 0;
            return new SegmentAudio.Pcm(codec, chunks.finish(segment.startUs() - referenceUs));
        }
    }

    /**
     * The stream timestamp (µs) of a stream's first packet that has one. The segment's first video
     * packet is the keyframe that plays at {@code startUs}, so it places the audio; without video,
     * the first audio packet does. Packets give it, not the streams' {@code start_time}, which
     * FFmpeg guesses differently with and without probing.
     */
    private static final class FirstTimestamp {
        private long us = AV_NOPTS_VALUE;

        void see(AVPacket packet, AVRational timeBase) {
            if (us == AV_NOPTS_VALUE && packet.pts() != AV_NOPTS_VALUE) {
                us = StreamTime.micros(packet.pts(), timeBase);
            }
        }

        boolean known() {
            return us != AV_NOPTS_VALUE;
        }
    }

    /** Gathers the resampled frames into contiguous chunks, splitting where time jumps. */
    private static final class Chunks {
        private final List<PcmChunk> done = new ArrayList<>();
        private long startUs;
        private short[] buffer = new short[PcmChunk.SAMPLE_RATE * 2];
        private int length;
        private long flushedSamples;
        private long endStreamUs;

        /** Where the last frame ended, in stream time: where a frame without a timestamp goes. */
        long endUs() {
            return endStreamUs;
        }

        void add(long streamTimestampUs, short[] pcm) {
            endStreamUs = streamTimestampUs + PcmChunk.samplesToMicros(pcm.length);
            long atUs = streamTimestampUs;
            if (length > 0 && Math.abs(atUs - (startUs + PcmChunk.samplesToMicros(length))) > MAX_JITTER_US) {
                flush();
            }
            if (length == 0) {
                startUs = atUs;
            }
            int count = pcm.length;
            if (length + count > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
            }
            System.arraycopy(pcm, 0, buffer, length, count);
            length += count;
        }

        long samples() {
            return flushedSamples + length;
        }

        boolean isEmpty() {
            return done.isEmpty() && length == 0;
        }

        /** The chunks, moved from stream time onto the segment's timeline. */
        List<PcmChunk> finish(long offsetUs) {
            flush();
            return done.stream().map(c -> new PcmChunk(c.startUs() + offsetUs, c.samples())).toList();
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
