package io.streamlens.records;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The allow-list of formats a segment may be in, and how FFmpeg must open them. A segment is bytes
 * in memory from a topic anyone may write to, so its {@code container} header is never handed to
 * FFmpeg as a demuxer name: HLS, concat, DASH and their kind would fetch the URLs or read the files
 * the bytes name. Only self-contained formats are accepted, and even those are opened with every
 * protocol refused, so nothing inside a segment can reach another file or host.
 */
public enum SegmentContainer {
    /** MPEG transport stream: what the publisher writes. */
    MPEG_TS("mpegts", "mpegts"),
    /** Fragmented MP4 (a {@code moov} then {@code moof}/{@code mdat} fragments), read by the MOV demuxer. */
    FRAGMENTED_MP4("mp4", "mov");

    /**
     * Options for every FFmpeg open of untrusted segment bytes. No protocol name matches the
     * whitelist, so a demuxer's attempt to open a nested URL or file fails; MP4 data references
     * ({@code dref}) to external files are off.
     */
    public static final Map<String, String> LOCKED_DOWN = Map.of(
            "protocol_whitelist", "none-allowed",
            "enable_drefs", "0",
            "use_absolute_path", "0");

    private final String header;
    private final String demuxer;

    SegmentContainer(String header, String demuxer) {
        this.header = header;
        this.demuxer = demuxer;
    }

    /** The value of the {@code container} header. */
    public String header() {
        return header;
    }

    /** The FFmpeg demuxer that reads it. */
    public String demuxer() {
        return demuxer;
    }

    /** The container a header names ({@code mpegts}, {@code mp4}, {@code fmp4}; case-insensitive), if allowed. */
    public static Optional<SegmentContainer> of(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        return switch (headerValue.trim().toLowerCase(Locale.ROOT)) {
            case "mpegts", "ts" -> Optional.of(MPEG_TS);
            case "mp4", "fmp4" -> Optional.of(FRAGMENTED_MP4);
            default -> Optional.empty();
        };
    }

    /** For error messages: what a header may say. */
    public static String allowed() {
        return "mpegts, mp4 (fragmented)";
    }
}
