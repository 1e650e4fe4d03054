package io.streamlens.records;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one person the detector found holds their body, as far as the pose model's keypoints show
 * it confidently.
 *
 * @param person the person's box in the frame's pixels
 * @param stance {@code standing}, {@code sitting}, {@code lying} or {@code unknown}
 * @param armsRaised a wrist clearly above its shoulder
 * @param keypoints the 17 COCO keypoints behind it
 */
public record PersonPosture(Region person, String stance, boolean armsRaised, List<BodyPoint> keypoints) {
    public static final String UNKNOWN = "unknown";

    public PersonPosture {
        Objects.requireNonNull(person, "person");
        stance = stance == null || stance.isBlank() ? UNKNOWN : stance.toLowerCase(Locale.ROOT);
        keypoints = List.copyOf(keypoints);
    }

    /** Whether the model said anything about this person. */
    public boolean known() {
        return !stance.equals(UNKNOWN) || armsRaised;
    }
}
