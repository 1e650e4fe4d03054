package io.streamlens.inference.analysis;

/**
 * A frame reduced to the mean brightness of each cell of a {@value #COLUMNS}×{@value #ROWS} grid:
 * enough to tell a still picture from one where something appeared, moved or changed its text,
 * since any of those moves some cell's mean by many levels while compression noise moves it by
 * one or two. Comparing the largest cell change (not the mean over the frame) keeps a small
 * change, such as one new word, from being averaged away.
 */
final class PictureSignature {
    static final int COLUMNS = 16;
    static final int ROWS = 9;

    private final int width;
    private final int height;
    private final int[] cells;

    private PictureSignature(int width, int height, int[] cells) {
        this.width = width;
        this.height = height;
        this.cells = cells;
    }

    /** The signature of packed RGB pixels ({@code width × height × 3}). */
    static PictureSignature of(byte[] rgb, int width, int height) {
        if (width <= 0 || height <= 0 || rgb.length < (long) width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB frame needs " + (long) width * height * 3
                    + " bytes, got " + rgb.length);
        }
        long[] sums = new long[COLUMNS * ROWS];
        long[] counts = new long[COLUMNS * ROWS];
        for (int y = 0; y < height; y++) {
            int row = y * ROWS / height;
            int at = y * width * 3;
            for (int x = 0; x < width; x++, at += 3) {
                int cell = row * COLUMNS + x * COLUMNS / width;
                // Rec. 601 luma in integers: 77/150/29 out of 256
                sums[cell] += (77 * (rgb[at] & 0xff) + 150 * (rgb[at + 1] & 0xff) + 29 * (rgb[at + 2] & 0xff)) >> 8;
                counts[cell]++;
            }
        }
        int[] cells = new int[COLUMNS * ROWS];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = counts[i] == 0 ? 0 : (int) (sums[i] / counts[i]);
        }
        return new PictureSignature(width, height, cells);
    }

    /** The largest change of any cell's mean brightness from {@code other} (255 when the sizes differ). */
    int largestChangeFrom(PictureSignature other) {
        if (other.width != width || other.height != height) {
            return 255;
        }
        int largest = 0;
        for (int i = 0; i < cells.length; i++) {
            largest = Math.max(largest, Math.abs(cells[i] - other.cells[i]));
        }
        return largest;
    }
}
