package io.streamlens.inference.perception;

import java.util.Objects;

/**
 * A line of on-screen text.
 *
 * @param text what it says
 * @param box where it is, in the frame's pixels
 * @param confidence the recogniser's mean per-character probability, 0 to 1
 */
public record TextLine(String text, TextBox box, float confidence) {

    public TextLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
    }
}
