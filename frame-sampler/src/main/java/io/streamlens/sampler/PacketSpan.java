package io.streamlens.sampler;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Where a segment's pictures end, from its video packets' timestamps: known without decoding a
 * frame, so a segment decoded keyframes only, or not decoded at all, still tells the caption
 * windows how far the stream's pictures go (from its frames alone, it would seem to end at its last
 * keyframe, and windows in its tail would wait for the next segment).
 */
final class PacketSpan {
    /** Enough for hours of video at 60 fps in one segment; a forged segment stops counting there. */
    private static final int MAX_PACKETS = 1 << 20;

    private final AVRational timeBase;
    private long[] ptsUs = new long[256];
    private int count;
    private long firstKeyUs = AV_NOPTS_VALUE;
    private long latestUs = Long.MIN_VALUE;
    private long lastDurationUs;

    PacketSpan(AVRational timeBase) {
        this.timeBase = timeBase;
    }

    void add(AVPacket packet) {
        if (packet.pts() == AV_NOPTS_VALUE || count == MAX_PACKETS) {
            return;
        }
        long us = StreamTime.micros(packet.pts(), timeBase);
        if (firstKeyUs == AV_NOPTS_VALUE && (packet.flags() & AV_PKT_FLAG_KEY) != 0) {
            firstKeyUs = us;
        }
        if (count == ptsUs.length) {
            ptsUs = Arrays.copyOf(ptsUs, count * 2);
        }
        ptsUs[count++] = us;
        if (us >= latestUs) {
            latestUs = us;
            lastDurationUs = packet.duration() > 0 ? StreamTime.micros(packet.duration(), timeBase) : 0;
        }
    }

    /** The stream time of the first keyframe packet, where a segment's timeline starts; AV_NOPTS_VALUE when none. */
    long firstKeyUs() {
        return firstKeyUs;
    }

    /**
     * Just after the last picture, in stream time: the latest timestamp plus that packet's duration,
     * or the median interval between pictures when packets carry none; AV_NOPTS_VALUE when the
     * packets hold no timestamps.
     */
    long endUs() {
        if (count == 0) {
            return AV_NOPTS_VALUE;
        }
        if (lastDurationUs > 0) {
            return latestUs + lastDurationUs;
        }
        long[] sorted = Arrays.copyOf(ptsUs, count);
        Arrays.sort(sorted);
        long last = sorted[count - 1];
        long[] gaps = new long[count - 1];
        int n = 0;
        for (int i = 1; i < count; i++) {
            if (sorted[i] > sorted[i - 1]) {
                gaps[n++] = sorted[i] - sorted[i - 1];
            }
        }
        if (n == 0) {
            return AV_NOPTS_VALUE; // one picture: nothing says how long it shows
        }
        Arrays.sort(gaps, 0, n);
        return last + gaps[n / 2];
    }
}
