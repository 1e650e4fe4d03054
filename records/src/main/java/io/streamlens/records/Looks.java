package io.streamlens.records;

import java.util.List;

/**
 * How a frame looks, computed from its pixels: the colours covering most of it, by name, largest
 * first, and its mean brightness (0 black to 1 white).
 */
public record Looks(List<String> colours, double brightness) {
    public static final Looks UNKNOWN = new Looks(List.of(), -1);

    public Looks {
        colours = List.copyOf(colours);
    }

    public boolean known() {
        return brightness >= 0;
    }
}
