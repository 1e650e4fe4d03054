package io.streamlens.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * A window's caption together with the compressed visual tokens it was made from (none for packs
 * without a vision encoder): what a stream's question memory keeps.
 *
 * @param tokens kept visual tokens, {@code count × dim}, row-major
 */
public record CaptionedWindow(Caption caption, int count, int dim, float[] tokens) {

    public CaptionedWindow {
        Objects.requireNonNull(caption, "caption");
        tokens = tokens == null ? new float[0] : tokens;
        if (tokens.length != count * dim) {
            throw new IllegalArgumentException(tokens.length + " token values are not " + count + " x " + dim);
        }
    }

    public static CaptionedWindow textOnly(Caption caption) {
        return new CaptionedWindow(caption, 0, 0, new float[0]);
    }

    public String streamId() {
        return caption.streamId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaptionedWindow w && count == w.count && dim == w.dim && caption.equals(w.caption)
                && Arrays.equals(tokens, w.tokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caption, count, dim) * 31 + Arrays.hashCode(tokens);
    }
}
