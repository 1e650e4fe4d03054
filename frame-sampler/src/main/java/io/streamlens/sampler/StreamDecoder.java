package io.streamlens.sampler;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.streamlens.records.DeadLetterReason;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * FFmpeg's decoder for one stream of a {@link SegmentInput}: packets in, frames out. A packet the
 * decoder refuses is skipped, as FFmpeg's own tools do, so damage costs the frames it touches and
 * not the segment.
 */
public final class StreamDecoder implements AutoCloseable {
    private final AVCodecContext context;
    private final AVFrame frame = av_frame_alloc();

    @FunctionalInterface
    public interface FrameConsumer {
        /** Sees a decoded frame; the frame is reused once this returns. */
        void accept(AVFrame frame) throws Exception;
    }

    private StreamDecoder(AVCodecContext context) {
        this.context = context;
    }

    /**
     * @param options decoder options ({@code threads}, {@code max_pixels}, …)
     * @return empty when this FFmpeg has no decoder for the stream's codec
     * @throws DecodeException ({@code undecodable}) when the decoder refuses the stream's parameters
     */
    public static Optional<StreamDecoder> open(AVStream stream, Map<String, String> options) throws DecodeException {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            return Optional.empty();
        }
        StreamDecoder decoder = new StreamDecoder(avcodec_alloc_context3(codec));
        AVDictionary settings = new AVDictionary(null);
        options.forEach((key, value) -> av_dict_set(settings, key, value, 0));
        int ret = avcodec_parameters_to_context(decoder.context, stream.codecpar());
        if (ret >= 0) {
            decoder.context.pkt_timebase(stream.time_base());
            ret = avcodec_open2(decoder.context, codec, settings);
        }
        av_dict_free(settings);
        if (ret < 0) {
            decoder.close();
            throw new DecodeException(DeadLetterReason.UNDECODABLE, "FFmpeg cannot open the "
                    + codec.name().getString() + " decoder for the stream (error " + ret + ")", null);
        }
        return Optional.of(decoder);
    }

    /** Decodes a packet and shows the consumer every frame it completes. */
    public void decode(AVPacket packet, FrameConsumer consumer) throws Exception {
        avcodec_send_packet(context, packet); // a refused packet is damage; its frames are lost
        receive(consumer);
    }

    /** Shows the consumer the frames the decoder still holds once the packets are over. */
    public void drain(FrameConsumer consumer) throws Exception {
        avcodec_send_packet(context, (AVPacket) null);
        receive(consumer);
    }

    private void receive(FrameConsumer consumer) throws Exception {
        // Below zero: the decoder wants more input, is drained, or dropped a damaged frame.
        while (avcodec_receive_frame(context, frame) >= 0) {
            try {
                consumer.accept(frame);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    @Override
    public void close() {
        av_frame_free(frame);
        avcodec_free_context(context);
    }
}
