package io.streamlens.inference.pack;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a pack while loading goes on, so that one message can list it all. */
public final class Problems {

    private final String location;
    private String name = "";
    private final List<String> found = new ArrayList<>();

    /** @param location where the pack was looked for: a folder, or a built-in name */
    public Problems(String location) {
        this.location = location;
    }

    /** The pack's own name, once {@code pack.json} has told it, for the message. */
    public void packNamed(String packName) {
        this.name = packName;
    }

    public void add(String problem) {
        found.add(problem);
    }

    public boolean any() {
        return !found.isEmpty();
    }

    public InvalidModelPackException toException() {
        String pack = name.isEmpty() || location.endsWith(name) ? location : name + " (" + location + ")";
        return new InvalidModelPackException(pack, found);
    }

    public void throwIfAny() {
        if (any()) {
            throw toException();
        }
    }
}
