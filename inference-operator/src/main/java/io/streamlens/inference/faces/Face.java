package io.streamlens.inference.faces;

import io.streamlens.records.Detection;
import java.util.List;

/**
 * A face found in a frame: its box (label {@code face}, relative coordinates, like every other
 * detection) and its six landmarks, one per {@link FaceLandmark} in that order.
 */
public record Face(Detection box, List<FacePoint> landmarks) {

    public static final String LABEL = "face";

    public Face {
        if (!LABEL.equals(box.label())) {
            throw new IllegalArgumentException("a face box is labelled " + LABEL + ", not " + box.label());
        }
        landmarks = List.copyOf(landmarks);
        if (landmarks.size() != FaceLandmark.values().length) {
            throw new IllegalArgumentException("a face has " + FaceLandmark.values().length + " landmarks, not " + landmarks.size());
        }
    }

    public FacePoint landmark(FaceLandmark which) {
        return landmarks.get(which.ordinal());
    }

    public float score() {
        return box.score();
    }
}
