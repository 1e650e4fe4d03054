package io.streamlens.inference.posture;

/**
 * A person's posture as far as the keypoints show it confidently: a stance, and whether an arm
 * is raised (a wrist clearly above its shoulder). {@link #UNKNOWN} says nothing.
 */
public record Posture(Stance stance, boolean armsRaised) {

    public static final Posture UNKNOWN = new Posture(Stance.UNKNOWN, false);

    /** Words for a caption ("standing, arms raised"), or empty when nothing is known. */
    public String describe() {
        String s = stance == Stance.UNKNOWN ? "" : stance.name().toLowerCase(java.util.Locale.ROOT);
        if (!armsRaised) {
            return s;
        }
        return s.isEmpty() ? "arms raised" : s + ", arms raised";
    }
}
