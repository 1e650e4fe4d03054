package io.streamlens.inference.posture;

import io.streamlens.records.Detection;
import java.util.List;

/** One person's keypoints (all 17, in {@link BodyPart} order) and the posture read from them. */
public record Pose(Detection person, List<BodyKeypoint> keypoints, Posture posture) {

    public Pose {
        keypoints = List.copyOf(keypoints);
        if (keypoints.size() != BodyPart.values().length) {
            throw new IllegalArgumentException("a pose has " + BodyPart.values().length + " keypoints, not " + keypoints.size());
        }
    }

    public BodyKeypoint keypoint(BodyPart part) {
        return keypoints.get(part.ordinal());
    }
}
