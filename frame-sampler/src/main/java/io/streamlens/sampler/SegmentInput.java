package io.streamlens.sampler;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.SegmentContainer;
import io.streamlens.records.VideoSegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The one way FFmpeg opens a segment's bytes, for pictures and for sound: the demuxer comes from
 * the {@link SegmentContainer} allow-list (never from the header's text), every protocol is
 * refused, and FFmpeg reads the bytes from memory, so no byte of a segment can make FFmpeg read
 * another file or reach a host.
 *
 * <p>FFmpeg's own API rather than JavaCV's grabber: the grabber's {@code release()} calls
 * {@code malloc_trim}, which hands every free page of every malloc arena in the process back to
 * the kernel, so each segment's decoder (and every model running beside it) faulted in and zeroed
 * its memory afresh; that was most of what a segment's decode cost (docs/benchmarks.md).
 *
 * <pre>{@code
 * try (SegmentInput input = SegmentInput.open(segment, 200_000, 256 * 1024)) {
 *     AVStream video = input.firstStream(AVMEDIA_TYPE_VIDEO);
 *     for (AVPacket packet; (packet = input.nextPacket()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class SegmentInput implements AutoCloseable {
    private static final int IO_BUFFER_BYTES = 64 * 1024;
    /** The bytes each open input reads from, by the address of the marker FFmpeg hands back. */
    private static final Map<Long, Cursor> CURSORS = new ConcurrentHashMap<>();
    // One native callback for all inputs: JavaCPP callbacks are costly to create and must outlive every call.
    private static final Read_packet_Pointer_BytePointer_int READ = new Read_packet_Pointer_BytePointer_int() {
        @Override
        public int call(Pointer opaque, BytePointer buffer, int size) {
            Cursor cursor = CURSORS.get(opaque.address());
            return cursor == null ? AVERROR_EOF() : cursor.copyInto(buffer, size);
        }
    };

    private final LongPointer marker;
    private final AVIOContext io;
    private final AVPacket packet = av_packet_alloc();
    private final String container;
    private AVFormatContext format;
    private boolean probed;

    private SegmentInput(LongPointer marker, AVIOContext io, String container) {
        this.marker = marker;
        this.io = io;
        this.container = container;
    }

    /**
     * Opens the segment and reads its container's header.
     *
     * @param probeDurationUs how far FFmpeg may read to find the streams' parameters
     * @param probeBytes the same, in bytes
     * @throws DecodeException {@code unsupported-container} when the container is not allowed,
     *     {@code undecodable} when FFmpeg cannot read it as that container
     */
    public static SegmentInput open(VideoSegment segment, long probeDurationUs, long probeBytes) throws DecodeException {
        SegmentContainer container = SegmentContainer.of(segment.container()).orElseThrow(() -> new DecodeException(
                DeadLetterReason.UNSUPPORTED_CONTAINER, "container '" + segment.container() + "' is not one of "
                        + SegmentContainer.allowed(), null));
        AVInputFormat demuxer = av_find_input_format(container.demuxer());
        LongPointer marker = new LongPointer(1);
        CURSORS.put(marker.address(), new Cursor(segment.bytes()));
        BytePointer buffer = new BytePointer(av_malloc(IO_BUFFER_BYTES)).capacity(IO_BUFFER_BYTES);
        AVIOContext io = buffer.isNull() ? null : avio_alloc_context(buffer, IO_BUFFER_BYTES, 0, marker, READ, null, null);
        if (io == null || io.isNull()) {
            av_free(buffer);
            CURSORS.remove(marker.address());
            marker.close();
            throw new OutOfMemoryError("FFmpeg could not allocate " + IO_BUFFER_BYTES + " bytes to read a segment");
        }
        SegmentInput input = new SegmentInput(marker, io, segment.container());
        try {
            input.format = avformat_alloc_context();
            input.format.pb(input.io);
            AVDictionary options = new AVDictionary(null);
            SegmentContainer.LOCKED_DOWN.forEach((key, value) -> av_dict_set(options, key, value, 0));
            av_dict_set(options, "analyzeduration", Long.toString(probeDurationUs), 0);
            av_dict_set(options, "probesize", Long.toString(probeBytes), 0);
            int opened = avformat_open_input(input.format, "segment", demuxer, options);
            av_dict_free(options);
            if (opened < 0) {
                throw new DecodeException(DeadLetterReason.UNDECODABLE, "FFmpeg cannot open the segment as "
                        + segment.container() + " (error " + opened + ")", null);
            }
            return input;
        } catch (DecodeException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * The first stream of a media type ({@code AVMEDIA_TYPE_VIDEO}, …) that names a codec, or null.
     * The container's header names its streams' codecs, and the decoders read the rest (picture
     * size, sample rate) from the packets; only when the header leaves streams unknown does FFmpeg
     * probe the first packets ({@code avformat_find_stream_info}), which decodes frames and would
     * cost a keyframe scan twice its work.
     *
     * @throws DecodeException ({@code undecodable}) when that probe fails
     */
    public AVStream firstStream(int mediaType) throws DecodeException {
        AVStream stream = named(mediaType);
        if (stream == null && !probed && headerLeavesStreamsUnknown()) {
            probeStreams();
            stream = named(mediaType);
        }
        return stream;
    }

    /**
     * Whether the header names no stream at all, or one whose codec it does not say. Otherwise a
     * kind of stream the header does not name is not there: a camera without a microphone must not
     * cost a probe for sound on every segment.
     */
    private boolean headerLeavesStreamsUnknown() {
        if (format.nb_streams() == 0) {
            return true;
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            if (format.streams(i).codecpar().codec_id() == AV_CODEC_ID_NONE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the first packets for every stream's full parameters (picture size, the codec's
     * extradata), as a muxer needs them; at most once.
     *
     * @throws DecodeException ({@code undecodable}) when FFmpeg finds no stream information
     */
    public void probeStreams() throws DecodeException {
        if (!probed) {
            probed = true;
            int found = avformat_find_stream_info(format, (AVDictionary) null);
            if (found < 0) {
                throw new DecodeException(DeadLetterReason.UNDECODABLE, "FFmpeg cannot open the segment as "
                        + container + ": no stream information (error " + found + ")", null);
            }
        }
    }

    /** Whether FFmpeg has probed the packets for stream parameters ({@link #probeStreams}). */
    boolean probed() {
        return probed;
    }

    /** How many inputs are open in the process: each holds native memory until closed. */
    static int openInputs() {
        return CURSORS.size();
    }

    /** The demuxer's context, for code that remuxes the packets. */
    public AVFormatContext format() {
        return format;
    }

    private AVStream named(int mediaType) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if (stream.codecpar().codec_type() == mediaType && stream.codecpar().codec_id() != AV_CODEC_ID_NONE) {
                return stream;
            }
        }
        return null;
    }

    /**
     * The next packet of any stream, or null at the end of the bytes or where they break off. The
     * packet is reused by the next call.
     */
    public AVPacket nextPacket() {
        av_packet_unref(packet);
        // Bytes in memory never answer "try again": any error is the end of what can be read.
        return av_read_frame(format, packet) >= 0 ? packet : null;
    }

    @Override
    public void close() {
        if (format != null && !format.isNull()) {
            avformat_close_input(format); // leaves a custom AVIOContext to its owner
        }
        format = null;
        av_packet_free(packet);
        CURSORS.remove(marker.address());
        // FFmpeg may have replaced the buffer it was given, so free the one the context holds now.
        av_free(io.buffer());
        io.buffer(null);
        avio_context_free(io);
        marker.close();
    }

    /** How far FFmpeg has read a segment's bytes. */
    private static final class Cursor {
        private final byte[] bytes;
        private int position;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        int copyInto(BytePointer buffer, int size) {
            int count = Math.min(size, bytes.length - position);
            if (count <= 0) {
                return AVERROR_EOF();
            }
            buffer.position(0).put(bytes, position, count);
            position += count;
            return count;
        }
    }
}
