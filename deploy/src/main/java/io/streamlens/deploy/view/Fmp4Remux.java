package io.streamlens.deploy.view;

import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.DecodeException;
import io.streamlens.sampler.SegmentInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * The FFmpeg boundary of the viewer: one MPEG-TS segment from {@code video.segments} remuxed,
 * without re-encoding, into a self-contained fragmented MP4 ({@code moov} first, then
 * {@code moof}/{@code mdat}), which Chromium's Media Source Extensions play and MPEG-TS they do not.
 * The segment is opened through {@link SegmentInput}: its container from the allow-list, every
 * protocol refused.
 */
public final class Fmp4Remux {
    /** A remuxed segment and the MIME type with codecs that {@code MediaSource.addSourceBuffer} needs. */
    public record Playable(byte[] bytes, String mimeType) {
    }

    private Fmp4Remux() {
    }

    /** @throws DecodeException when the segment is not in an allowed container or holds no H.264 video */
    public static Playable remux(VideoSegment segment) throws Exception {
        try (FFmpegFrameGrabber grabber = SegmentInput.grabber(segment, "2000000", "5000000")) {
            grabber.start();
            if (grabber.getVideoCodec() != avcodec.AV_CODEC_ID_H264) {
                throw new IllegalArgumentException("video codec " + grabber.getVideoCodecName()
                        + " cannot play in a browser; only H.264 segments can be watched live");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(segment.bytes().length + 64 * 1024);
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out, grabber.getImageWidth(),
                    grabber.getImageHeight(), grabber.getAudioChannels())) {
                recorder.setFormat("mp4");
                // Fragments from the start and no index at the end: the file streams into a SourceBuffer.
                recorder.setOption("movflags", "frag_keyframe+empty_moov+default_base_offset");
                recorder.start(grabber.getFormatContext());
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null) {
                    recorder.recordPacket(packet);
                }
                recorder.stop();
            }
            byte[] bytes = out.toByteArray();
            return new Playable(bytes, mimeType(bytes));
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
