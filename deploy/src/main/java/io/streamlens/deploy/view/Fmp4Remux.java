package io.streamlens.deploy.view;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_open_dyn_buf;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import io.streamlens.ingest.DynamicBuffers;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.SegmentInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * The FFmpeg boundary of the viewer: one segment from {@code video.segments} remuxed, without
 * re-encoding, into a self-contained fragmented MP4 ({@code moov} first, then {@code moof}/{@code
 * mdat}), which Chromium's Media Source Extensions play and MPEG-TS they do not. Only the H.264
 * video and AAC audio are carried (what a browser plays). The segment is opened through
 * {@link SegmentInput}: its container from the allow-list, every protocol refused.
 */
public final class Fmp4Remux {
    /** A remuxed segment and the MIME type with codecs that {@code MediaSource.addSourceBuffer} needs. */
    public record Playable(byte[] bytes, String mimeType) {
    }

    private Fmp4Remux() {
    }

    /** @throws Exception when the segment is not in an allowed container, does not parse, or holds no H.264 video */
    public static Playable remux(VideoSegment segment) throws Exception {
        try (SegmentInput segmentInput = SegmentInput.open(segment, 2_000_000, 5_000_000)) {
            segmentInput.probeStreams(); // the MP4 muxer needs the picture size and the avcC from the SPS
            AVFormatContext input = segmentInput.format();
            int[] outputIndex = new int[input.nb_streams()];
            Arrays.fill(outputIndex, -1);
            AVFormatContext output = new AVFormatContext(null);
            check(avformat_alloc_output_context2(output, null, "mp4", (String) null), "allocate the MP4 muxer");
            AVDictionary options = new AVDictionary(null);
            try {
                boolean video = false;
                int streams = 0;
                for (int i = 0; i < input.nb_streams(); i++) {
                    AVStream in = input.streams(i);
                    int codec = in.codecpar().codec_id();
                    if ((codec == AV_CODEC_ID_H264 && !video) || codec == AV_CODEC_ID_AAC) {
                        video |= codec == AV_CODEC_ID_H264;
                        AVStream out = avformat_new_stream(output, null);
                        check(avcodec_parameters_copy(out.codecpar(), in.codecpar()), "copy stream parameters");
                        out.codecpar().codec_tag(0); // MPEG-TS tags mean nothing to MP4
                        out.time_base(in.time_base());
                        outputIndex[i] = streams++;
                    }
                }
                if (!video) {
                    AVStream other = segmentInput.firstStream(AVMEDIA_TYPE_VIDEO);
                    throw new IllegalArgumentException("video codec " + (other == null ? "(none)"
                            : avcodec_get_name(other.codecpar().codec_id()).getString())
                            + " cannot play in a browser; only H.264 segments can be watched live");
                }
                AVIOContext memory = new AVIOContext(null);
                check(avio_open_dyn_buf(memory), "open an in-memory output");
                output.pb(memory);
                // Fragments from the start and no index at the end: the file streams into a SourceBuffer.
                av_dict_set(options, "movflags", "frag_keyframe+empty_moov+default_base_moof", 0);
                check(avformat_write_header(output, options), "write the MP4 header");
                for (AVPacket packet; (packet = segmentInput.nextPacket()) != null; ) {
                    // MPEG-TS may announce a stream mid-segment, past the ones mapped above.
                    int out = packet.stream_index() < outputIndex.length ? outputIndex[packet.stream_index()] : -1;
                    if (out < 0) {
                        continue;
                    }
                    av_packet_rescale_ts(packet, input.streams(packet.stream_index()).time_base(), output.streams(out).time_base());
                    packet.stream_index(out);
                    packet.pos(-1);
                    check(av_interleaved_write_frame(output, packet), "write a packet");
                }
                check(av_write_trailer(output), "finish the MP4");
                byte[] bytes = DynamicBuffers.drain(output);
                return new Playable(bytes, mimeType(bytes));
            } finally {
                if (output.pb() != null) {
                    DynamicBuffers.drain(output);
                }
                av_dict_free(options);
                avformat_free_context(output);
            }
        }
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("could not " + what + " (FFmpeg error " + ret + ")");
        }
    }

    /**
     * {@code video/mp4; codecs="avc1.PPCCLL[,mp4a.40.2]"}, from the profile, constraints and level
     * of the {@code avcC} box the muxer wrote (AAC is the only audio segments carry besides none).
     */
    static String mimeType(byte[] mp4) {
        int avcC = indexOf(mp4, "avcC");
        if (avcC < 0 || avcC + 8 > mp4.length) {
            throw new IllegalArgumentException("the remuxed segment has no avcC box");
        }
        String codecs = String.format("avc1.%02x%02x%02x", mp4[avcC + 5] & 0xff, mp4[avcC + 6] & 0xff, mp4[avcC + 7] & 0xff);
        if (indexOf(mp4, "mp4a") >= 0) {
            codecs += ",mp4a.40.2";
        }
        return "video/mp4; codecs=\"" + codecs + "\"";
    }

    private static int indexOf(byte[] bytes, String fourCc) {
        byte[] needle = fourCc.getBytes(StandardCharsets.US_ASCII);
        // The boxes that name codecs sit in the moov at the start; no need to scan the media data.
        int end = Math.min(bytes.length, 64 * 1024) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
