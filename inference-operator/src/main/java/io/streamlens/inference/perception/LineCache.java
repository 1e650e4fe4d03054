package io.streamlens.inference.perception;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text lines each stream showed in its latest frame, with a small fingerprint of each line's
 * pixels. Overlays, tickers, slides and signs stay put from frame to frame, so a line found in the
 * same place with the same pixels is not recognised again: detection still runs on every frame,
 * recognition (about 40 ms a line on one core) only on what changed. Only a cache: losing it on a
 * restart costs time, never a caption.
 */
public final class LineCache {
    /** A line is the same when its box overlaps this much (intersection over union)… */
    static final double MIN_OVERLAP = 0.7;
    /** …and its fingerprint differs by at most this much per sample (0–255 luma). */
    static final double MAX_PIXEL_DIFFERENCE = 6;
    private static final int FINGERPRINT_W = 32;
    private static final int FINGERPRINT_H = 8;

    private final int maxStreams;
    private final Map<String, List<Known>> latest = new ConcurrentHashMap<>();

    public LineCache(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    /** A line as remembered: where it was, what its pixels looked like, what it said. */
    public record Known(TextLine line, byte[] fingerprint) {
    }

    /** The earlier reading of the line in {@code box}, if the stream showed the same pixels there last time. */
    public Optional<TextLine> find(String streamId, TextBox box, byte[] fingerprint) {
        for (Known known : latest.getOrDefault(streamId, List.of())) {
            if (overlap(known.line().box(), box) >= MIN_OVERLAP && difference(known.fingerprint(), fingerprint) <= MAX_PIXEL_DIFFERENCE) {
                return Optional.of(new TextLine(known.line().text(), box, known.line().confidence()));
            }
        }
        return Optional.empty();
    }

    public void remember(String streamId, List<Known> lines) {
        if (latest.size() >= maxStreams && !latest.containsKey(streamId)) {
            latest.clear(); // a cache: starting over costs recognition time only
        }
        latest.put(streamId, List.copyOf(lines));
    }

    public void forget(String streamId) {
        latest.remove(streamId);
    }

    /** Mean luma of the box's pixels on a 32×8 grid. */
    public static byte[] fingerprint(byte[] rgb, int width, int height, TextBox box) {
        byte[] out = new byte[FINGERPRINT_W * FINGERPRINT_H];
        for (int gy = 0; gy < FINGERPRINT_H; gy++) {
            for (int gx = 0; gx < FINGERPRINT_W; gx++) {
                int x0 = box.x() + gx * box.width() / FINGERPRINT_W;
                int x1 = Math.max(x0 + 1, box.x() + (gx + 1) * box.width() / FINGERPRINT_W);
                int y0 = box.y() + gy * box.height() / FINGERPRINT_H;
                int y1 = Math.max(y0 + 1, box.y() + (gy + 1) * box.height() / FINGERPRINT_H);
                long sum = 0;
                int n = 0;
                for (int y = y0; y < Math.min(y1, height); y++) {
                    for (int x = x0; x < Math.min(x1, width); x++) {
                        int i = (y * width + x) * 3;
                        sum += (299 * (rgb[i] & 0xff) + 587 * (rgb[i + 1] & 0xff) + 114 * (rgb[i + 2] & 0xff)) / 1000;
                        n++;
                    }
                }
                out[gy * FINGERPRINT_W + gx] = (byte) (n == 0 ? 0 : sum / n);
            }
        }
        return out;
    }

    static double overlap(TextBox a, TextBox b) {
        long ix = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()));
        long iy = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y()));
        long intersection = ix * iy;
        long union = (long) a.width() * a.height() + (long) b.width() * b.height() - intersection;
        return union == 0 ? 0 : intersection / (double) union;
    }

    static double difference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length;
    }
}
