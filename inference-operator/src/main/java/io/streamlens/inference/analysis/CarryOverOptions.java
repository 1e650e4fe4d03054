package io.streamlens.inference.analysis;

import java.io.Serializable;

/**
 * When a sampled frame carries the findings of the stream's last analysed frame instead of being
 * shown to the models ({@link CarryOverAnalyser}).
 *
 * @param enabled whether findings are carried over at all ({@code --no-carry-over} turns it off)
 * @param maxBlockChange the largest change of any block's mean brightness (0..255, over a
 *     {@link PictureSignature} grid) that still counts as the same picture: above compression
 *     noise (1–2 levels on a still shot), below a changed line of text or a person stepping in
 * @param maxAgeUs the models look again at least this often, whatever the pixels say, so that a
 *     change too small for the grid (a far-away figure) is not missed for ever
 */
public record CarryOverOptions(boolean enabled, int maxBlockChange, long maxAgeUs) implements Serializable {
    public static final CarryOverOptions DEFAULT = new CarryOverOptions(true, 6, 30_000_000L);
    public static final CarryOverOptions OFF = new CarryOverOptions(false, 0, 1);

    public CarryOverOptions {
        if (maxBlockChange < 0 || maxBlockChange > 255) {
            throw new IllegalArgumentException("the largest block change is a brightness, 0..255, got " + maxBlockChange);
        }
        if (maxAgeUs <= 0) {
            throw new IllegalArgumentException("the age of carried findings must be bounded and positive, got " + maxAgeUs + " us");
        }
    }
}
