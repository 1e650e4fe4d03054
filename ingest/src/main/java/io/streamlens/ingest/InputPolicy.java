package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avformat.av_demuxer_iterate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * What FFmpeg may reach while reading a source the user named. The source itself is fine to open,
 * whatever it is; what it names is not: a playlist or concat list inside a local file must not pull
 * other files or hosts, and a URL may only lead to more of the protocol the user asked for (an
 * HTTP playlist may fetch its HTTP segments, never a {@code file:} path).
 */
final class InputPolicy {
    /** Demuxers that open further inputs named inside the bytes they read. */
    private static final Set<String> REFERENCING = Set.of("hls", "applehttp", "concat", "dash", "imf",
            "webm_dash_manifest", "sdp", "rtp", "rtsp", "image2", "lavfi", "mpjpeg", "ffmetadata");
    private static final String LOCAL_FORMATS = allDemuxersBut(REFERENCING);

    private InputPolicy() {
    }

    /** Sets the allow-lists for opening {@code source} on a grabber not yet started. */
    static void apply(FFmpegFrameGrabber grabber, String source) {
        if (MediaSource.isUrl(source)) {
            grabber.setOption("protocol_whitelist", protocolsFor(scheme(source)));
        } else {
            grabber.setOption("protocol_whitelist", "file");
            grabber.setOption("format_whitelist", LOCAL_FORMATS);
        }
        grabber.setOption("enable_drefs", "0");
    }

    /** The protocols a URL of this scheme needs underneath it, and nothing else. */
    static String protocolsFor(String scheme) {
        return switch (scheme) {
            case "http", "https" -> "http,https,tls,tcp,crypto,httpproxy";
            case "rtsp", "rtsps" -> "rtsp,rtsps,rtp,srtp,udp,tcp,tls";
            case "rtmp", "rtmps", "rtmpt", "rtmpts" -> "rtmp,rtmps,rtmpt,rtmpts,tcp,tls";
            case "udp", "rtp" -> "udp,rtp";
            case "srt" -> "srt,udp";
            case "tcp" -> "tcp";
            default -> scheme;
        };
    }

    private static String scheme(String url) {
        return url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    private static String allDemuxersBut(Set<String> refused) {
        List<String> names = new ArrayList<>();
        try (PointerPointer<?> opaque = new PointerPointer<>(1)) {
            opaque.put(0, (org.bytedeco.javacpp.Pointer) null); // the iterator starts from NULL; new memory is not zeroed
            AVInputFormat format;
            while ((format = av_demuxer_iterate(opaque)) != null) {
                for (String name : format.name().getString().split(",")) {
                    if (!refused.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("FFmpeg lists no demuxers; cannot build the allow-list for local files");
        }
        return String.join(",", names);
    }
}
