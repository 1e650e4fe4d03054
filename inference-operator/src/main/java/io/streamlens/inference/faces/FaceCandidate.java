package io.streamlens.inference.faces;

import io.streamlens.records.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * A face before suppression: box corners and landmarks in one coordinate system (the model's
 * square input, then the frame), not yet clipped, so candidates from different crops can be
 * averaged before anything is cut off.
 *
 * @param points interleaved {@code x, y} of the six landmarks
 */
record FaceCandidate(float score, float x0, float y0, float x1, float y1, float[] points) {

    float area() {
        return Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
    }

    float iou(FaceCandidate o) {
        return Detection.iou(x0, y0, x1, y1, o.x0, o.y0, o.x1, o.y1);
    }

    /** The face clipped to the frame, or nothing if it lies (almost) outside it. */
    java.util.Optional<Face> toFace() {
        float cx0 = clamp(x0);
        float cy0 = clamp(y0);
        float cx1 = clamp(x1);
        float cy1 = clamp(y1);
        if (!(cx0 < cx1 && cy0 < cy1)) {
            return java.util.Optional.empty();
        }
        List<FacePoint> landmarks = new ArrayList<>();
        for (FaceLandmark l : FaceLandmark.values()) {
            landmarks.add(new FacePoint(l, points[2 * l.ordinal()], points[2 * l.ordinal() + 1]));
        }
        Detection box = new Detection(Face.LABEL, Math.max(0f, Math.min(1f, score)), cx0, cy0, cx1, cy1);
        return java.util.Optional.of(new Face(box, landmarks));
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
