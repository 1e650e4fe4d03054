package io.streamlens.records;

/** A box in a frame's pixels. */
public record Region(int x, int y, int width, int height) {
}
