package io.streamlens.sampler;

import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import org.bytedeco.ffmpeg.avutil.AVRational;

/** A stream's timestamps in microseconds, the unit of every StreamLens timeline. */
public final class StreamTime {
    private static final AVRational MICROSECONDS = new AVRational().num(1).den(1_000_000);

    private StreamTime() {
    }

    /** {@code ticks} of {@code timeBase} in µs; FFmpeg's rescale rounds and saturates, never overflows. */
    public static long micros(long ticks, AVRational timeBase) {
        return av_rescale_q(ticks, timeBase, MICROSECONDS);
    }
}
