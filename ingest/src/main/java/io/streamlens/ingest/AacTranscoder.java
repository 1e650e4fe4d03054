package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avutil.av_samples_set_silence;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import io.streamlens.records.DeadLetterReason;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;

/**
 * Re-encodes an audio track MPEG-TS cannot carry (Vorbis, FLAC, PCM …) to AAC with FFmpeg's native
 * encoder, packet by packet beside the remuxed video, so such sources keep their sound. One
 * encoder runs for the whole source: packets come out a frame or two after the audio goes in and
 * go into whichever segment is open, as remuxed audio does, and each lands at its own time.
 *
 * <p>Sample rate: the source's, raised to 16 kHz at least (what speech recognition needs) and
 * capped at 48 kHz, rounded up to a rate AAC has; mono or stereo (more channels are downmixed).
 * Timestamps stay on the source's clock: the first decoded frame sets it, frames then follow
 * sample by sample, and a jump of more than {@link #MAX_DRIFT_SECONDS} (a gap in the source)
 * resets it, so the audio stays where it plays relative to the video.
 */
final class AacTranscoder implements AutoCloseable {
    private static final int[] AAC_RATES = {16_000, 22_050, 24_000, 32_000, 44_100, 48_000};
    private static final long BITS_PER_SECOND_PER_CHANNEL = 64_000;
    static final double MAX_DRIFT_SECONDS = 0.1;

    private final AVStream input;
    private final AVCodecContext decoder;
    private final AVCodecContext encoder;
    private final AVAudioFifo fifo;
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame converted = av_frame_alloc();
    private final AVFrame toEncode = av_frame_alloc();
    private final AVPacket encoded = av_packet_alloc();
    private SwrContext resampler;
    /** Encoder-clock time of the first sample in the FIFO; {@link AV_NOPTS_VALUE} before the first frame. */
    private long fifoStartPts = AV_NOPTS_VALUE;

    private AacTranscoder(AVStream input, AVCodecContext decoder, AVCodecContext encoder) {
        this.input = input;
        this.decoder = decoder;
        this.encoder = encoder;
        this.fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, encoder.ch_layout().nb_channels(), encoder.frame_size() * 4);
    }

    /** Opens a decoder for the input track and an AAC encoder to match. */
    static AacTranscoder open(AVStream input) throws IngestException {
        AVCodec decoding = avcodec_find_decoder(input.codecpar().codec_id());
        AVCodec aac = avcodec_find_encoder_by_name("aac");
        if (decoding == null || aac == null) {
            throw new IngestException(DeadLetterReason.UNSUPPORTED_CODEC,
                    decoding == null ? "no decoder for the audio track" : "this FFmpeg has no AAC encoder");
        }
        AVCodecContext decoder = avcodec_alloc_context3(decoding);
        AVCodecContext encoder = avcodec_alloc_context3(aac);
        try {
            check(avcodec_parameters_to_context(decoder, input.codecpar()), "read the audio track's parameters");
            decoder.pkt_timebase(input.time_base());
            check(avcodec_open2(decoder, decoding, (AVDictionary) null), "open the audio decoder");
            int rate = aacRate(decoder.sample_rate());
            av_channel_layout_default(encoder.ch_layout(), Math.min(2, Math.max(1, decoder.ch_layout().nb_channels())));
            encoder.sample_fmt(AV_SAMPLE_FMT_FLTP);
            encoder.sample_rate(rate);
            encoder.time_base(av_make_q(1, rate));
            encoder.bit_rate(BITS_PER_SECOND_PER_CHANNEL * encoder.ch_layout().nb_channels());
            encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER); // extradata, from which MPEG-TS writes ADTS headers
            check(avcodec_open2(encoder, aac, (AVDictionary) null), "open the AAC encoder");
            return new AacTranscoder(input, decoder, encoder);
        } catch (IngestException | RuntimeException e) {
            avcodec_free_context(decoder);
            avcodec_free_context(encoder);
            throw e;
        }
    }

    /** The AAC encoder, whose parameters the segment's audio stream takes. */
    AVCodecContext encoder() {
        return encoder;
    }

    /** Time base of the packets handed out: one tick per sample. */
    AVRational timeBase() {
        return encoder.time_base();
    }

    /**
     * Decodes one packet of the input track and hands out the AAC packets that completes (often
     * none). A packet the decoder refuses is skipped: damaged audio loses a frame, not the source.
     *
     * @return false when the decoder refused the packet
     */
    boolean transcode(AVPacket packet, Consumer<AVPacket> out) throws IngestException {
        boolean accepted = avcodec_send_packet(decoder, packet) >= 0;
        drainDecoder(out);
        return accepted;
    }

    /** End of the source: everything still inside the decoder, FIFO and encoder comes out. */
    void finish(Consumer<AVPacket> out) throws IngestException {
        avcodec_send_packet(decoder, (AVPacket) null);
        drainDecoder(out);
        int left = av_audio_fifo_size(fifo);
        if (left > 0) {
            encodeFromFifo(left, out); // a short last frame is allowed
        }
        avcodec_send_frame(encoder, null);
        drainEncoder(out);
    }

    private void drainDecoder(Consumer<AVPacket> out) throws IngestException {
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            try {
                queue(decoded, out);
            } finally {
                av_frame_unref(decoded);
            }
        }
    }

    /** Resamples a decoded frame into the FIFO and encodes every whole AAC frame there. */
    private void queue(AVFrame frame, Consumer<AVPacket> out) throws IngestException {
        if (resampler == null) {
            resampler = openResampler(frame);
        }
        long pts = frame.best_effort_timestamp();
        if (pts != AV_NOPTS_VALUE) {
            long at = av_rescale_q(pts, input.time_base(), encoder.time_base());
            long expected = fifoStartPts + av_audio_fifo_size(fifo);
            if (fifoStartPts == AV_NOPTS_VALUE) {
                fifoStartPts = at;
            } else if (Math.abs(at - expected) > MAX_DRIFT_SECONDS * encoder.sample_rate()) {
                padFifoToWholeFrame();
                encodeWholeFrames(out);
                fifoStartPts = at - av_audio_fifo_size(fifo);
            }
        } else if (fifoStartPts == AV_NOPTS_VALUE) {
            fifoStartPts = 0;
        }
        int room = swr_get_out_samples(resampler, frame.nb_samples());
        prepare(converted, room);
        int samples = swr_convert(resampler, converted.data(), room, frame.extended_data(), frame.nb_samples());
        check(samples, "resample the audio");
        av_audio_fifo_write(fifo, converted.data(), samples);
        av_frame_unref(converted);
        encodeWholeFrames(out);
    }

    private void encodeWholeFrames(Consumer<AVPacket> out) throws IngestException {
        while (av_audio_fifo_size(fifo) >= encoder.frame_size()) {
            encodeFromFifo(encoder.frame_size(), out);
        }
    }

    private void encodeFromFifo(int samples, Consumer<AVPacket> out) throws IngestException {
        prepare(toEncode, samples);
        av_audio_fifo_read(fifo, toEncode.data(), samples);
        toEncode.pts(fifoStartPts);
        fifoStartPts += samples;
        try {
            check(avcodec_send_frame(encoder, toEncode), "encode AAC");
        } finally {
            av_frame_unref(toEncode);
        }
        drainEncoder(out);
    }

    /** Before a jump in time, the samples short of a frame are padded with silence so nothing is lost. */
    private void padFifoToWholeFrame() throws IngestException {
        int partial = av_audio_fifo_size(fifo) % encoder.frame_size();
        if (partial == 0) {
            return;
        }
        int silence = encoder.frame_size() - partial;
        prepare(converted, silence);
        av_samples_set_silence(converted.data(), 0, silence, encoder.ch_layout().nb_channels(), AV_SAMPLE_FMT_FLTP);
        av_audio_fifo_write(fifo, converted.data(), silence);
        av_frame_unref(converted);
    }

    private void drainEncoder(Consumer<AVPacket> out) {
        while (avcodec_receive_packet(encoder, encoded) >= 0) {
            try {
                out.accept(encoded);
            } finally {
                av_packet_unref(encoded);
            }
        }
    }

    /** Gives a frame fresh buffers for {@code samples} samples in the encoder's format. */
    private void prepare(AVFrame frame, int samples) throws IngestException {
        frame.format(AV_SAMPLE_FMT_FLTP);
        frame.sample_rate(encoder.sample_rate());
        av_channel_layout_copy(frame.ch_layout(), encoder.ch_layout());
        frame.nb_samples(Math.max(1, samples));
        check(av_frame_get_buffer(frame, 0), "allocate audio buffers");
        check(av_frame_make_writable(frame), "allocate audio buffers");
    }

    private SwrContext openResampler(AVFrame first) throws IngestException {
        // As JavaCV's recorder does: configure a context allocated here (a NULL *ps would make FFmpeg allocate one).
        SwrContext swr = swr_alloc();
        check(swr_alloc_set_opts2(swr, encoder.ch_layout(), AV_SAMPLE_FMT_FLTP, encoder.sample_rate(),
                first.ch_layout(), first.format(), first.sample_rate(), 0, null), "set up resampling");
        check(swr_init(swr), "set up resampling");
        return swr;
    }

    /** The smallest AAC rate at or above the source's, from 16 to 48 kHz. */
    static int aacRate(int sourceRate) {
        for (int rate : AAC_RATES) {
            if (rate >= sourceRate) {
                return rate;
            }
        }
        return AAC_RATES[AAC_RATES.length - 1];
    }

    private static void check(int ret, String what) throws IngestException {
        if (ret < 0) {
            throw new IngestException(DeadLetterReason.UNSUPPORTED_CODEC, "could not " + what + ": " + FFmpegErrors.describe(ret));
        }
    }

    @Override
    public void close() {
        if (resampler != null) {
            swr_free(resampler);
        }
        av_audio_fifo_free(fifo);
        av_frame_free(decoded);
        av_frame_free(converted);
        av_frame_free(toEncode);
        av_packet_free(encoded);
        avcodec_free_context(decoder);
        avcodec_free_context(encoder);
    }
}
