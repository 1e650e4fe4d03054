package io.streamlens.sampler;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts a decoder's native frame (any pixel format) to packed RGB24 of a chosen size, copied
 * into a Java array so nothing keeps pointing into FFmpeg's reused buffers.
 *
 * <p>swscale's vector code writes whole registers, past the last pixel of a line and of the
 * picture, so its output must be laid out as FFmpeg's own buffers are: each line's stride rounded
 * up to {@link #ALIGN} bytes and slack after the last line. Tight {@code width * 3} strides
 * corrupted the heap on pictures a few pixels wide (the JVM aborted with "double free").
 */
final class FrameScaler implements AutoCloseable {
    /** FFmpeg's widest vector alignment (AVX-512), as {@code av_frame_get_buffer} uses. */
    static final int ALIGN = 64;
    private final int flags;
    private SwsContext context;
    private BytePointer buffer;
    private PointerPointer<BytePointer> planes;
    private IntPointer strides;
    private int width;
    private int height;
    private int stride;

    FrameScaler(int swsFlags) {
        this.flags = swsFlags;
    }

    byte[] toRgb(AVFrame frame, int targetWidth, int targetHeight) {
        byte[] rgb = new byte[targetWidth * targetHeight * 3];
        toRgb(frame, targetWidth, targetHeight, rgb);
        return rgb;
    }

    /** As {@link #toRgb(AVFrame, int, int)}, into {@code rgb} ({@code targetWidth * targetHeight * 3} bytes). */
    void toRgb(AVFrame frame, int targetWidth, int targetHeight, byte[] rgb) {
        context = sws_getCachedContext(context, frame.width(), frame.height(), frame.format(),
                targetWidth, targetHeight, AV_PIX_FMT_RGB24, flags, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("swscale cannot convert pixel format " + frame.format()
                    + " at " + frame.width() + "x" + frame.height());
        }
        if (targetWidth != width || targetHeight != height) {
            releaseBuffer();
            width = targetWidth;
            height = targetHeight;
            stride = (width * 3 + ALIGN - 1) / ALIGN * ALIGN;
            buffer = new BytePointer((long) stride * (height + 1) + ALIGN);
            planes = new PointerPointer<>(buffer, null, null, null);
            strides = new IntPointer(stride, 0, 0, 0);
        }
        sws_scale(context, frame.data(), frame.linesize(), 0, frame.height(), planes, strides);
        int line = width * 3;
        if (stride == line) {
            buffer.position(0).get(rgb, 0, line * height);
        } else {
            for (int y = 0; y < height; y++) {
                buffer.position((long) y * stride).get(rgb, y * line, line);
            }
            buffer.position(0);
        }
    }

    private void releaseBuffer() {
        if (buffer != null) {
            buffer.close();
            planes.close();
            strides.close();
        }
    }

    @Override
    public void close() {
        releaseBuffer();
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
    }
}
