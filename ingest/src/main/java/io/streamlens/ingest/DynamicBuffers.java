package io.streamlens.ingest;

import static org.bytedeco.ffmpeg.global.avformat.avio_close_dyn_buf;
import static org.bytedeco.ffmpeg.global.avutil.av_free;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/** The bytes an FFmpeg muxer wrote into an in-memory ({@code avio_open_dyn_buf}) output. */
public final class DynamicBuffers {
    private DynamicBuffers() {
    }

    /** Closes the output's in-memory buffer and returns what it held; the output has no I/O context afterwards. */
    public static byte[] drain(AVFormatContext output) {
        BytePointer buffer = new BytePointer((Pointer) null);
        int size = avio_close_dyn_buf(output.pb(), buffer);
        output.pb(null);
        byte[] bytes = new byte[Math.max(size, 0)];
        if (size > 0) {
            buffer.get(bytes);
        }
        av_free(buffer);
        return bytes;
    }
}
