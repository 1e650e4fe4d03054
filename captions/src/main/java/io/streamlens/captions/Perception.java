package io.streamlens.captions;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The detectors of the perception pack a job runs ({@code --perceive}). Colours, brightness and
 * motion are computed from the pixels on every frame at almost no cost and are always on.
 */
public enum Perception {
    /** on-screen text (OCR) */
    TEXT,
    /** the words spoken in the audio track */
    SPEECH,
    /** faces (BlazeFace) and their expressions */
    PEOPLE,
    /** objects of the 80 COCO classes (NanoDet), tracked across frames; people are counted from it */
    OBJECTS,
    /** the posture of the people the object detector found (MoveNet): standing, sitting, lying, arms raised */
    POSTURE;

    public static final Set<Perception> ALL = EnumSet.allOf(Perception.class);

    /** {@code all}, {@code none}, or a comma-separated list such as {@code text,speech}. */
    public static Set<Perception> parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return ALL;
        }
        if (s.equals("none") || s.isEmpty()) {
            return EnumSet.noneOf(Perception.class);
        }
        EnumSet<Perception> chosen = EnumSet.noneOf(Perception.class);
        for (String part : s.split(",")) {
            String name = part.trim();
            chosen.add(Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown perception '" + name + "': expected all, none or a list of "
                            + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")))));
        }
        if (chosen.contains(POSTURE) && !chosen.contains(OBJECTS)) {
            throw new IllegalArgumentException("posture is read from the people the object detector finds: add objects");
        }
        return chosen;
    }

    /** The spelling {@link #parse} reads back: {@code all}, {@code none} or a list such as {@code text,speech}. */
    public static String format(Set<Perception> chosen) {
        if (chosen.containsAll(ALL)) {
            return "all";
        }
        if (chosen.isEmpty()) {
            return "none";
        }
        return chosen.stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }
}
