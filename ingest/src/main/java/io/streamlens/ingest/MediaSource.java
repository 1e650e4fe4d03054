package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.streamlens.records.DeadLetterReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * An opened file or FFmpeg URL, with its video (and audio) stream found, or a clear reason why
 * it cannot be used. Owns the FFmpeg input; close it.
 */
final class MediaSource implements AutoCloseable {
    /** Network reads give up after this long without data, rather than hang a publisher forever. */
    private static final String NETWORK_TIMEOUT_US = "15000000";
    /** FFmpeg's demuxers for single pictures ({@code png_pipe}, {@code jpeg_pipe} …, {@code image2}). */
    private static final java.util.regex.Pattern IMAGE_DEMUXER = java.util.regex.Pattern.compile("image2|\\w+_pipe");

    static {
        FFmpegLogs.quiet();
    }

    final String source;
    final FFmpegFrameGrabber grabber;
    final int videoStream;
    final int audioStream;

    private MediaSource(String source, FFmpegFrameGrabber grabber, int videoStream, int audioStream) {
        this.source = source;
        this.grabber = grabber;
        this.videoStream = videoStream;
        this.audioStream = audioStream;
    }

    static boolean isUrl(String source) {
        return source.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !source.startsWith("file://");
    }

    static MediaSource open(String source) throws IngestException {
        String location = source.startsWith("file://") ? source.substring("file://".length()) : source;
        if (!isUrl(source)) {
            checkLocalFile(Path.of(location));
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(location);
        InputPolicy.apply(grabber, source);
        if (isUrl(source)) {
            grabber.setOption("rw_timeout", NETWORK_TIMEOUT_US);
            if (source.startsWith("rtsp://")) {
                grabber.setOption("rtsp_transport", "tcp");
            }
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw classifyOpenFailure(source, location, e);
        }
        AVFormatContext format = grabber.getFormatContext();
        String demuxer = format.iformat() == null ? "" : format.iformat().name().getString();
        if (IMAGE_DEMUXER.matcher(demuxer).matches()) {
            closeQuietly(grabber);
            throw new IngestException(DeadLetterReason.NOT_A_VIDEO, "it is a still image (" + demuxer + "), not a video");
        }
        int video = -1;
        int audio = -1;
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            int type = stream.codecpar().codec_type();
            boolean coverArt = (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0;
            if (type == AVMEDIA_TYPE_VIDEO && !coverArt && video < 0) {
                video = i;
            } else if (type == AVMEDIA_TYPE_AUDIO && audio < 0) {
                audio = i;
            }
        }
        if (video < 0) {
            closeQuietly(grabber);
            throw new IngestException(DeadLetterReason.NOT_A_VIDEO,
                    audio >= 0 ? "has audio but no video stream" : "has no video stream");
        }
        return new MediaSource(source, grabber, video, audio);
    }

    AVFormatContext format() {
        return grabber.getFormatContext();
    }

    AVStream video() {
        return format().streams(videoStream);
    }

    private static void checkLocalFile(Path path) throws IngestException {
        if (!Files.exists(path)) {
            throw new IngestException(DeadLetterReason.UNREADABLE, "no such file: " + path);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IngestException(DeadLetterReason.UNREADABLE, "not a readable file: " + path);
        }
        try {
            if (Files.size(path) == 0) {
                throw new IngestException(DeadLetterReason.EMPTY, "the file has 0 bytes");
            }
        } catch (IOException e) {
            throw new IngestException(DeadLetterReason.UNREADABLE, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static IngestException classifyOpenFailure(String source, String location, Exception e) {
        String message = ffmpegReason(e.getMessage() == null ? e.toString() : e.getMessage());
        if (String.valueOf(e.getMessage()).contains("Did not find a video or audio stream")) {
            // The container opened and was read to its end, but no track held a frame to learn its
            // format from: a 0-second file, complete rather than cut off.
            return new IngestException(DeadLetterReason.EMPTY, "the container is whole but holds no video or audio frame");
        }
        if (message.contains("avcodec_find_decoder") || message.contains("Could not open video codec")) {
            return new IngestException(DeadLetterReason.UNSUPPORTED_CODEC, "no decoder for its video codec: " + message, e);
        }
        if (isUrl(source)) {
            return new IngestException(DeadLetterReason.UNREADABLE, "could not open " + source + ": " + message, e);
        }
        ContainerSniffer.Kind kind = sniff(Path.of(location));
        if (kind != ContainerSniffer.Kind.UNKNOWN) {
            return new IngestException(DeadLetterReason.TRUNCATED,
                    "starts like " + kind.description + " but FFmpeg cannot read its structure;"
                            + " the file is probably cut off or its header is damaged (" + message + ")", e);
        }
        return new IngestException(DeadLetterReason.NOT_A_VIDEO,
                "FFmpeg recognises no video container in it (" + message + ")", e);
    }

    /** JavaCV's "avformat_open_input() error -1094995529: Could not open input … (Has setFormat() …)" in FFmpeg's words. */
    static String ffmpegReason(String javacvMessage) {
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("error (-\\d+)").matcher(javacvMessage);
        return code.find() ? FFmpegErrors.describe(Integer.parseInt(code.group(1))) : javacvMessage;
    }

    private static ContainerSniffer.Kind sniff(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return ContainerSniffer.sniff(in.readNBytes(ContainerSniffer.HEAD_BYTES));
        } catch (IOException e) {
            return ContainerSniffer.Kind.UNKNOWN;
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // Already failing; the original error is the one worth reporting.
        }
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }
}
