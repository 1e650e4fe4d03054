package io.streamlens.events.chapters;

import io.streamlens.records.Caption;
import io.streamlens.records.ObjectEvidence;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a window shows, as a set of things a chapter is about: the object classes in view
 * ({@code person} when people are), each line of on-screen text, and whether someone speaks.
 * Two windows with mostly the same things are the same chapter.
 */
record WindowContent(Set<String> things, List<Integer> shots) {

    static WindowContent of(Caption caption) {
        Caption.Evidence e = caption.evidence();
        Set<String> things = new LinkedHashSet<>();
        e.objects().objects().stream().filter(o -> o.count() > 0).map(ObjectEvidence::label).forEach(things::add);
        if (e.people().people() > 0 || e.people().faces() > 0) {
            things.add("person");
        }
        e.text().stream().map(t -> "text:" + t.toLowerCase(Locale.ROOT).trim()).forEach(things::add);
        if (!e.speech().words().isEmpty()) {
            things.add("speech");
        }
        return new WindowContent(Set.copyOf(things), e.sceneIds());
    }

    /** Jaccard similarity of the things in view: 1 when the same, 0 when nothing is shared (two empty windows are the same). */
    double similarity(WindowContent other) {
        if (things.isEmpty() && other.things.isEmpty()) {
            return 1;
        }
        long shared = things.stream().filter(other.things::contains).count();
        return (double) shared / (things.size() + other.things.size() - shared);
    }

    /** Whether this window shows a shot the other did not. */
    boolean newShotAfter(WindowContent previous) {
        return !shots.isEmpty() && !previous.shots.contains(shots.get(shots.size() - 1));
    }
}
