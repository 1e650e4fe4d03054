package io.streamlens.sampler;

/**
 * Luma of a small thumbnail, and the mean absolute difference between two of them: a cheap motion
 * score. Where {@link ColorHistogram} ignores where the colours are (and so stays still while an
 * object moves), a pixel difference sees every moved edge. On a 64×36 thumbnail one difference is
 * 2304 subtractions, far below the cost of decoding the frame.
 */
public final class Luma {
    private Luma() {
    }

    /** BT.601 luma, {@code (77 R + 150 G + 29 B) / 256} (the weights sum to 256), of packed RGB24 pixels. */
    public static byte[] of(byte[] rgb, int pixels) {
        byte[] luma = new byte[pixels];
        for (int i = 0, p = 0; i < pixels; i++, p += 3) {
            luma[i] = (byte) ((77 * (rgb[p] & 0xff) + 150 * (rgb[p + 1] & 0xff) + 29 * (rgb[p + 2] & 0xff)) >> 8);
        }
        return luma;
    }

    /** Mean absolute difference, 0 for identical planes, 1 for black against white everywhere. */
    public static double difference(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("luma planes of " + a.length + " and " + b.length + " pixels");
        }
        if (a.length == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (255.0 * a.length);
    }
}
