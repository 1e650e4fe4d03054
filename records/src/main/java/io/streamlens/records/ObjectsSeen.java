package io.streamlens.records;

import java.util.List;

/**
 * The objects a window's frames showed, per label, or {@link #NOT_LOOKED} when no detector ran, so
 * that "nothing seen" is never claimed without a look.
 */
public record ObjectsSeen(boolean looked, List<ObjectEvidence> objects) {
    public static final ObjectsSeen NOT_LOOKED = new ObjectsSeen(false, List.of());

    public ObjectsSeen {
        objects = List.copyOf(objects);
    }

    /** The evidence for one label, if the window saw it. */
    public java.util.Optional<ObjectEvidence> of(String label) {
        return objects.stream().filter(o -> o.label().equals(label)).findFirst();
    }
}
