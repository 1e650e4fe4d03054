package io.streamlens.records;

/**
 * A line of text read in a frame, with where it was and how sure the reader was.
 *
 * @param text the text
 * @param x left edge in the sampled frame's pixels
 * @param y top edge
 * @param width box width
 * @param height box height
 * @param confidence 0..1
 */
public record OnScreenText(String text, int x, int y, int width, int height, float confidence) {
}
