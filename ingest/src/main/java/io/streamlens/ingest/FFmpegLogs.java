package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * FFmpeg's own logging, kept to fatal errors: damage is reported in dead letters, and FFmpeg's
 * per-packet complaints and encoder banners would only bury them. FFmpeg has one level per process.
 */
public final class FFmpegLogs {
    static {
        av_log_set_level(AV_LOG_FATAL);
    }

    private FFmpegLogs() {
    }

    /** Loading this class sets the level; calling this makes sure it is loaded. */
    public static void quiet() {
        // the static initializer did the work
    }
}
