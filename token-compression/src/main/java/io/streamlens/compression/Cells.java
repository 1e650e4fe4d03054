package io.streamlens.compression;

/** Small helpers for the int arrays operations build. */
final class Cells {

    private Cells() {
    }

    /** {@code 0, 1, …, n-1}: every cell of a full grid. */
    static int[] all(int n) {
        int[] cells = new int[n];
        for (int i = 0; i < n; i++) {
            cells[i] = i;
        }
        return cells;
    }
}
