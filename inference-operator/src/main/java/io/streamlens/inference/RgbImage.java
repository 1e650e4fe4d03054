package io.streamlens.inference;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * An image as the models receive it: packed RGB24, row-major, {@code width * height * 3} bytes.
 *
 * <p>The side limits are checked before the buffer, so an absurd size is reported as
 * {@code image-too-large} without anyone having to allocate it. The buffer is not copied; callers
 * hand over an array they no longer write to.
 *
 * @param width pixels per row, 1 to {@link #MAX_SIDE}
 * @param height rows, 1 to {@link #MAX_SIDE}
 * @param rgb the pixels
 */
public record RgbImage(int width, int height, byte[] rgb) {

    /** Longest side accepted: 8K UHD is 7680 wide, so this leaves room without inviting 1 GB frames. */
    public static final int MAX_SIDE = 8192;

    /**
     * Shortest side the models here accept: one 16-pixel ViT patch, and half of the OCR detector's
     * 32-pixel stride. Anything smaller holds nothing a model can read.
     */
    public static final int MIN_SIDE = 16;

    public RgbImage {
        Objects.requireNonNull(rgb, "rgb");
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new InferenceException(FailureReason.IMAGE_TOO_LARGE,
                    width + "x" + height + " exceeds the " + MAX_SIDE + " px limit per side");
        }
        if (width <= 0 || height <= 0) {
            throw new InferenceException(FailureReason.INVALID_IMAGE, "size " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new InferenceException(FailureReason.INVALID_IMAGE,
                    "rgb holds " + rgb.length + " bytes, not " + width + "x" + height + "x3");
        }
    }

    /** A copy of a Java2D image's pixels. */
    public static RgbImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return new RgbImage(w, h, rgb);
    }

    /** An image of one colour, handy for tests and probes. */
    public static RgbImage filled(int width, int height, int red, int green, int blue) {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) red;
            rgb[i + 1] = (byte) green;
            rgb[i + 2] = (byte) blue;
        }
        return new RgbImage(width, height, rgb);
    }

    /** Fails with {@code image-too-small} when either side is below {@link #MIN_SIDE}. */
    public RgbImage requireReadable() {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new InferenceException(FailureReason.IMAGE_TOO_SMALL,
                    width + "x" + height + " is below the " + MIN_SIDE + " px minimum per side");
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage i && width == i.width && height == i.height && Arrays.equals(rgb, i.rgb);
    }

    @Override
    public int hashCode() {
        return (31 * width + height) * 31 + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
