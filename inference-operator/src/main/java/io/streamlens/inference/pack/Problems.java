package io.streamlens.inference.pack;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a pack while loading goes on, so that one message can list it all. */
public final class Problems {

    private final String pack;
    private final List<String> found = new ArrayList<>();

    public Problems(String pack) {
        this.pack = pack;
    }

    public void add(String problem) {
        found.add(problem);
    }

    public boolean any() {
        return !found.isEmpty();
    }

    public int count() {
        return found.size();
    }

    public InvalidModelPackException toException() {
        return new InvalidModelPackException(pack, found);
    }

    public void throwIfAny() {
        if (any()) {
            throw toException();
        }
    }
}
