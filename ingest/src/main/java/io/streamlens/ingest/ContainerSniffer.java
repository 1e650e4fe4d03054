package io.streamlens.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Recognises video containers by their first bytes, so that a damaged video ("truncated") can be
 * told apart from a file that never was one ("not-a-video") when FFmpeg refuses both alike.
 */
final class ContainerSniffer {
    static final int HEAD_BYTES = 192;

    enum Kind {
        MP4("an MP4/MOV file"),
        AVI("an AVI file"),
        MATROSKA("a Matroska/WebM file"),
        MPEG_TS("an MPEG transport stream"),
        MPEG_PS("an MPEG program stream"),
        FLV("an FLV file"),
        UNKNOWN("an unknown file");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private ContainerSniffer() {
    }

    static Kind sniff(byte[] head) {
        if (head.length >= 8 && ascii(head, 4, 4).matches("ftyp|moov|mdat|free|wide|skip")) {
            return Kind.MP4;
        }
        if (head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 3).equals("AVI")) {
            return Kind.AVI;
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45
                && (head[2] & 0xff) == 0xdf && (head[3] & 0xff) == 0xa3) {
            return Kind.MATROSKA;
        }
        if (head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 1 && (head[3] & 0xff) == 0xba) {
            return Kind.MPEG_PS;
        }
        if (head.length >= 3 && ascii(head, 0, 3).equals("FLV")) {
            return Kind.FLV;
        }
        if (head.length > 188 && head[0] == 0x47 && head[188] == 0x47) {
            return Kind.MPEG_TS;
        }
        return Kind.UNKNOWN;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, Math.min(length, bytes.length - offset), StandardCharsets.ISO_8859_1);
    }
}
