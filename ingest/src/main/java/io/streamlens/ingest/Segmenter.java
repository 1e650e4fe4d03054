package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AC3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_EAC3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP2;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG1VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import io.streamlens.records.DeadLetterReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a video source into independently decodable, keyframe-aligned MPEG-TS segments, remuxing
 * without re-encoding. A video codec MPEG-TS cannot carry is transcoded to H.264 instead (see
 * {@link H264Transcoder}), and an audio codec it cannot carry to AAC (see {@link AacTranscoder}). Times are counted from the source's first keyframe, so the first
 * frame is at 0 whatever PTS offset the container adds.
 *
 * <pre>{@code
 * try (Segmenter segmenter = Segmenter.open("city.mp4", SegmenterOptions.DEFAULTS)) {
 *     SourceSummary summary = segmenter.forEach(segment -> publish(segment));
 * }
 * }</pre>
 */
public final class Segmenter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Segmenter.class);
    private static final Set<Integer> TS_VIDEO = Set.of(
            AV_CODEC_ID_H264, AV_CODEC_ID_HEVC, AV_CODEC_ID_MPEG1VIDEO, AV_CODEC_ID_MPEG2VIDEO, AV_CODEC_ID_MPEG4);
    private static final Set<Integer> TS_AUDIO = Set.of(
            AV_CODEC_ID_AAC, AV_CODEC_ID_MP3, AV_CODEC_ID_MP2, AV_CODEC_ID_AC3, AV_CODEC_ID_EAC3, AV_CODEC_ID_OPUS);
    /** Read errors in a row after which a source is taken to be broken beyond resync. */
    private static final int MAX_CONSECUTIVE_READ_ERRORS = 64;
    /** Audio packets kept while waiting for the first video keyframe: about 10 s of AAC. */
    private static final int MAX_AUDIO_AHEAD = 500;
    /** A source that ends this much earlier than its container declares was cut off. */
    private static final long TRUNCATION_SLACK_US = 1_000_000L;

    private final MediaSource media;
    private final SegmenterOptions options;

    private Segmenter(MediaSource media, SegmenterOptions options) {
        this.media = media;
        this.options = options;
    }

    /** Opens a file or FFmpeg URL; fails with the dead-letter reason when it cannot be used. */
    public static Segmenter open(String source, SegmenterOptions options) throws IngestException {
        return new Segmenter(MediaSource.open(source), options);
    }

    /** Name of the source's video codec, e.g. {@code h264}. */
    public String videoCodec() {
        return avcodec_get_name(media.video().codecpar().codec_id()).getString();
    }

    /** Whether segments are re-encoded to H.264 because the source codec cannot go into MPEG-TS. */
    public boolean transcodes() {
        return !TS_VIDEO.contains(media.video().codecpar().codec_id());
    }

    /**
     * Cuts the whole source, handing each segment to {@code consumer} as soon as it is complete.
     * The last segment carries {@code last = true}. Damage found along the way does not stop the
     * good parts from being delivered; it is reported in the summary.
     */
    public SourceSummary forEach(SegmentConsumer consumer) throws Exception {
        if (transcodes()) {
            LOG.info("{}: video codec {} cannot be carried in MPEG-TS; transcoding to H.264", media.source, videoCodec());
            return new H264Transcoder(media, options).forEach(consumer);
        }
        return remux(consumer);
    }

    private SourceSummary remux(SegmentConsumer consumer) throws Exception {
        AacTranscoder aac = audioTranscoder();
        int[] streams = audioStreamToKeep() < 0
                ? new int[] {media.videoStream}
                : new int[] {media.videoStream, audioStreamToKeep()};
        AVRational timeBase = media.video().time_base();
        AVPacket packet = av_packet_alloc();
        TsMuxer muxer = null;
        long origin = AV_NOPTS_VALUE;
        long segmentStart = 0;
        long lastVideoEnd = 0;
        long seq = 0;
        boolean h264 = media.video().codecpar().codec_id() == AV_CODEC_ID_H264;
        Optional<EncoderSei> encoderSei = Optional.empty();
        // Files often store audio ahead of the first video packet; it belongs in the first segment.
        List<AVPacket> audioAhead = new ArrayList<>();
        int consecutiveErrors = 0;
        DamageLog damage = new DamageLog();
        try {
            while (true) {
                int ret = av_read_frame(media.format(), packet);
                if (ret == AVERROR_EOF()) {
                    break;
                }
                if (ret == AVERROR_EAGAIN()) {
                    continue;
                }
                if (ret < 0) {
                    if (++consecutiveErrors > MAX_CONSECUTIVE_READ_ERRORS) {
                        damage.stoppedReading(lastVideoEnd, FFmpegErrors.describe(ret));
                        break;
                    }
                    continue;
                }
                consecutiveErrors = 0;
                if ((packet.flags() & AV_PKT_FLAG_CORRUPT) != 0) {
                    damage.corruptPacket(lastVideoEnd);
                }
                try {
                    if (packet.stream_index() == media.videoStream) {
                        long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                        boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                        if (origin == AV_NOPTS_VALUE) {
                            if (!key || pts == AV_NOPTS_VALUE) {
                                continue; // nothing before the first keyframe can be decoded
                            }
                            origin = pts;
                            encoderSei = h264 ? EncoderSei.of(packet, media.video().codecpar()) : Optional.empty();
                        }
                        long ptsUs = toMicros(pts - origin, timeBase);
                        if (key && muxer != null && ptsUs - segmentStart >= options.targetDurationUs()) {
                            consumer.accept(new Segment(seq++, segmentStart, lastVideoEnd - segmentStart, false,
                                    TsMuxer.CONTAINER, muxer.finish()));
                            muxer.close();
                            muxer = null;
                        }
                        boolean firstOfSegment = muxer == null;
                        if (firstOfSegment) {
                            muxer = new TsMuxer(media.format(), aac, streams);
                            segmentStart = ptsUs;
                            writeAudioAhead(muxer, aac, audioAhead, toMicros(origin, timeBase));
                        }
                        lastVideoEnd = Math.max(lastVideoEnd, ptsUs + toMicros(packet.duration(), timeBase));
                        if (!write(muxer, packet, firstOfSegment && seq > 0 ? encoderSei : Optional.empty())) {
                            damage.skippedPacket(ptsUs);
                        }
                    } else if (muxer == null) {
                        if (audioAhead.size() < MAX_AUDIO_AHEAD) {
                            audioAhead.add(av_packet_clone(packet));
                        }
                    } else if (!writeAudio(muxer, aac, packet)) {
                        damage.skippedPacket(lastVideoEnd);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (muxer == null) {
                throw new IngestException(DeadLetterReason.NOT_A_VIDEO, "no decodable video frame: the video stream holds no keyframe");
            }
            if (aac != null) {
                TsMuxer last = muxer;
                aac.finish(encoded -> last.writeEncoded(encoded, aac.timeBase()));
            }
            consumer.accept(new Segment(seq++, segmentStart, lastVideoEnd - segmentStart, true,
                    TsMuxer.CONTAINER, muxer.finish()));
        } finally {
            if (muxer != null) {
                muxer.close();
            }
            audioAhead.forEach(p -> av_packet_free(p));
            av_packet_free(packet);
            if (aac != null) {
                aac.close();
            }
        }
        return new SourceSummary(seq, lastVideoEnd, damage.describe(truncation(lastVideoEnd)));
    }

    /**
     * Audio read before the first video keyframe, from that keyframe's time on (earlier audio has
     * no picture to go with); the list is emptied.
     */
    private void writeAudioAhead(TsMuxer muxer, AacTranscoder aac, List<AVPacket> audio, long videoOriginUs) throws IngestException {
        for (AVPacket early : audio) {
            long pts = early.pts() != AV_NOPTS_VALUE ? early.pts() : early.dts();
            AVRational base = media.format().streams(early.stream_index()).time_base();
            if (pts != AV_NOPTS_VALUE && toMicros(pts, base) >= videoOriginUs) {
                writeAudio(muxer, aac, early);
            }
            av_packet_free(early);
        }
        audio.clear();
    }

    /** Writes a segment's packet, its first one with the stream's encoder SEI in front (see {@link EncoderSei}). */
    private static boolean write(TsMuxer muxer, AVPacket packet, Optional<EncoderSei> sei) {
        if (sei.isEmpty()) {
            return muxer.write(packet);
        }
        AVPacket withSei = sei.get().prependedTo(packet);
        try {
            return muxer.write(withSei);
        } finally {
            av_packet_free(withSei);
        }
    }

    /** A packet of a stream other than the video: the transcoded audio goes through {@code aac}, the rest as it is. */
    private boolean writeAudio(TsMuxer muxer, AacTranscoder aac, AVPacket packet) throws IngestException {
        if (aac == null || packet.stream_index() != media.audioStream) {
            return muxer.write(packet);
        }
        return aac.transcode(packet, encoded -> muxer.writeEncoded(encoded, aac.timeBase()));
    }

    /** The audio stream remuxed as it is: one MPEG-TS can carry, else -1 (see {@link #audioTranscoder}). */
    private int audioStreamToKeep() {
        if (media.audioStream < 0) {
            return -1;
        }
        int codec = media.format().streams(media.audioStream).codecpar().codec_id();
        return TS_AUDIO.contains(codec) ? media.audioStream : -1;
    }

    /** For audio MPEG-TS cannot carry (Vorbis, FLAC, PCM …), an AAC encoder; null when none is needed or possible. */
    private AacTranscoder audioTranscoder() {
        if (media.audioStream < 0 || audioStreamToKeep() >= 0) {
            return null;
        }
        String codec = avcodec_get_name(media.format().streams(media.audioStream).codecpar().codec_id()).getString();
        try {
            LOG.info("{}: audio codec {} cannot be carried in MPEG-TS; transcoding it to AAC", media.source, codec);
            return AacTranscoder.open(media.format().streams(media.audioStream));
        } catch (IngestException e) {
            LOG.warn("{}: audio codec {} cannot be carried in MPEG-TS nor transcoded ({}); segments carry video only",
                    media.source, codec, e.getMessage());
            return null;
        }
    }

    /** Says why the source ended early when it covers clearly less than its container declares. */
    String truncation(long coveredUs) {
        long declaredUs = media.format().duration();
        if (declaredUs == AV_NOPTS_VALUE || declaredUs <= 0 || MediaSource.isUrl(media.source)) {
            return null;
        }
        long slack = Math.max(TRUNCATION_SLACK_US, declaredUs / 20);
        if (coveredUs + slack < declaredUs) {
            return String.format("video ends at %.1f s of the %.1f s its container declares; the file is cut off",
                    coveredUs / 1e6, declaredUs / (double) AV_TIME_BASE);
        }
        return null;
    }

    static long toMicros(long ticks, AVRational timeBase) {
        return ticks * 1_000_000L * timeBase.num() / timeBase.den();
    }

    @Override
    public void close() {
        media.close();
    }
}
