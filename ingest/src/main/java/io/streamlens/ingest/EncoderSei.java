package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_copy_props;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * The H.264 SEI in which x264 writes its version. FFmpeg's decoder works around the bugs of old
 * x264 builds (4:4:4 with 8×8 transforms, among others) only when it has seen that SEI, which x264
 * writes once, before the first frame: a segment cut from later in such a stream decodes as green
 * garbage. So the first keyframe's encoder SEI is copied to the front of every later segment.
 */
final class EncoderSei {
    private static final int NAL_SEI = 6;
    private static final byte[] X264 = "x264".getBytes(StandardCharsets.US_ASCII);

    private final byte[] units;

    private EncoderSei(byte[] units) {
        this.units = units;
    }

    /** The encoder SEI units of a stream's first keyframe, in the packet's own framing, if it has any. */
    static Optional<EncoderSei> of(AVPacket keyframe, AVCodecParameters video) {
        byte[] data = new byte[keyframe.size()];
        keyframe.data().get(data);
        int lengthSize = lengthPrefixSize(video);
        ByteArrayOutputStream found = new ByteArrayOutputStream();
        int at = 0;
        while (at < data.length) {
            int start;
            int end;
            if (lengthSize > 0) {
                if (at + lengthSize > data.length) {
                    break;
                }
                int length = 0;
                for (int i = 0; i < lengthSize; i++) {
                    length = (length << 8) | (data[at + i] & 0xff);
                }
                start = at + lengthSize;
                end = Math.min(data.length, start + Math.max(length, 0));
                if (length <= 0) {
                    break;
                }
                if (isEncoderSei(data, start, end)) {
                    found.write(data, at, end - at);
                }
            } else {
                start = nextStartCode(data, at);
                if (start < 0) {
                    break;
                }
                int payload = start + (data[start + 2] == 1 ? 3 : 4);
                int next = nextStartCode(data, payload);
                end = next < 0 ? data.length : next;
                if (isEncoderSei(data, payload, end)) {
                    found.write(data, start, end - start);
                }
            }
            at = end;
        }
        return found.size() == 0 ? Optional.empty() : Optional.of(new EncoderSei(found.toByteArray()));
    }

    /** A new packet: these SEI units, then the packet's own data, with its timestamps and flags. */
    AVPacket prependedTo(AVPacket packet) {
        AVPacket joined = av_packet_alloc();
        av_new_packet(joined, units.length + packet.size());
        byte[] body = new byte[packet.size()];
        packet.data().get(body);
        joined.data().put(units, 0, units.length);
        joined.data().position(units.length).put(body, 0, body.length);
        joined.data().position(0);
        av_packet_copy_props(joined, packet);
        joined.stream_index(packet.stream_index());
        return joined;
    }

    /** 1–4 for avcC extradata (MP4, MKV), 0 for Annex B start codes (MPEG-TS, raw .h264). */
    private static int lengthPrefixSize(AVCodecParameters video) {
        if (video.extradata_size() >= 5 && video.extradata() != null && video.extradata().get(0) == 1) {
            return (video.extradata().get(4) & 3) + 1;
        }
        return 0;
    }

    private static boolean isEncoderSei(byte[] data, int start, int end) {
        if (start >= end || (data[start] & 0x1f) != NAL_SEI) {
            return false;
        }
        outer:
        for (int i = start; i + X264.length <= end; i++) {
            for (int j = 0; j < X264.length; j++) {
                if (data[i + j] != X264[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int nextStartCode(byte[] data, int from) {
        for (int i = from; i + 3 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && (data[i + 2] == 1 || (data[i + 2] == 0 && data[i + 3] == 1))) {
                return i;
            }
        }
        return -1;
    }
}
