package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_open_dyn_buf;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Remuxes packets of an open input into one MPEG-TS segment held in memory, without re-encoding.
 * MPEG-TS needs no index, so every segment decodes on its own, and FFmpeg inserts the H.264/HEVC
 * Annex B conversion that MP4 input needs by itself.
 */
final class TsMuxer implements AutoCloseable {
    static final String CONTAINER = "mpegts";

    private final AVFormatContext input;
    private final AVFormatContext output = new AVFormatContext(null);
    private final int[] outputIndexOfInput;
    private final long[] lastDts;
    /** Output index of the stream fed by {@link #writeEncoded}, or -1. */
    private final int encodedIndex;
    private boolean finished;

    /** Starts a segment carrying the given input streams (by input index), in that order. */
    TsMuxer(AVFormatContext input, int... inputStreams) throws IngestException {
        this(input, null, inputStreams);
    }

    /**
     * Starts a segment carrying the given input streams and, after them, one stream re-encoded by
     * {@code encoder} (null for none), whose packets come through {@link #writeEncoded}.
     */
    TsMuxer(AVFormatContext input, AacTranscoder encoder, int... inputStreams) throws IngestException {
        this.input = input;
        this.outputIndexOfInput = new int[input.nb_streams()];
        java.util.Arrays.fill(outputIndexOfInput, -1);
        this.encodedIndex = encoder == null ? -1 : inputStreams.length;
        this.lastDts = new long[inputStreams.length + (encoder == null ? 0 : 1)];
        java.util.Arrays.fill(lastDts, AV_NOPTS_VALUE);
        check(avformat_alloc_output_context2(output, null, CONTAINER, (String) null), "allocate the MPEG-TS muxer");
        for (int i = 0; i < inputStreams.length; i++) {
            AVStream in = input.streams(inputStreams[i]);
            AVStream out = avformat_new_stream(output, null);
            check(avcodec_parameters_copy(out.codecpar(), in.codecpar()), "copy stream parameters");
            out.codecpar().codec_tag(0);
            out.time_base(in.time_base());
            outputIndexOfInput[inputStreams[i]] = i;
        }
        if (encoder != null) {
            AVStream out = avformat_new_stream(output, null);
            check(avcodec_parameters_from_context(out.codecpar(), encoder.encoder()), "copy the encoder's parameters");
            out.time_base(encoder.timeBase());
        }
        AVIOContext memory = new AVIOContext(null);
        check(avio_open_dyn_buf(memory), "open an in-memory output");
        output.pb(memory);
        check(avformat_write_header(output, (AVDictionary) null), "write the MPEG-TS header");
    }

    /**
     * Copies one packet in; packets of streams this segment does not carry are ignored.
     *
     * @return false when the muxer refused the packet (damaged data, broken timestamps); the
     *     segment stays usable without it
     */
    boolean write(AVPacket packet) {
        int out = outputIndexOfInput[packet.stream_index()];
        if (out < 0) {
            return true;
        }
        return write(packet, input.streams(packet.stream_index()).time_base(), out);
    }

    /** Writes a packet of the re-encoded stream, timed in {@code timeBase}; see {@link #write(AVPacket)}. */
    boolean writeEncoded(AVPacket packet, AVRational timeBase) {
        return write(packet, timeBase, encodedIndex);
    }

    private boolean write(AVPacket packet, AVRational timeBase, int out) {
        AVPacket copy = av_packet_clone(packet);
        try {
            av_packet_rescale_ts(copy, timeBase, output.streams(out).time_base());
            copy.stream_index(out);
            copy.pos(-1);
            fillMissingTimestamps(copy, out);
            return av_interleaved_write_frame(output, copy) >= 0;
        } finally {
            av_packet_free(copy);
        }
    }

    /**
     * MPEG-PS and some live sources leave PES packets without timestamps, which MPEG-TS refuses
     * (above all on a segment's first packet). Give them the previous packet's, nudged forward so
     * that DTS stays monotonic; decoders then place such frames by their neighbours.
     */
    private void fillMissingTimestamps(AVPacket packet, int out) {
        long previous = lastDts[out];
        if (packet.dts() == AV_NOPTS_VALUE) {
            long guess = previous == AV_NOPTS_VALUE ? 0 : previous + Math.max(1, packet.duration());
            packet.dts(packet.pts() == AV_NOPTS_VALUE ? guess : Math.min(guess, packet.pts()));
        }
        if (packet.pts() == AV_NOPTS_VALUE) {
            packet.pts(packet.dts());
        }
        if (previous != AV_NOPTS_VALUE && packet.dts() <= previous) {
            packet.dts(previous + 1);
            packet.pts(Math.max(packet.pts(), packet.dts()));
        }
        lastDts[out] = packet.dts();
    }

    /** Ends the segment and returns its bytes. */
    byte[] finish() throws IngestException {
        check(av_write_trailer(output), "finish the segment");
        finished = true;
        return DynamicBuffers.drain(output);
    }


    @Override
    public void close() {
        if (!finished && output.pb() != null) {
            DynamicBuffers.drain(output);
        }
        avformat_free_context(output);
    }

    private static void check(int ret, String what) throws IngestException {
        if (ret < 0) {
            throw new IngestException(io.streamlens.records.DeadLetterReason.UNSUPPORTED_CODEC,
                    "could not " + what + ": " + FFmpegErrors.describe(ret));
        }
    }
}
