package io.streamlens.inference.detect;

import java.util.List;

/**
 * What the cascades found in one frame, in the frame's pixel coordinates.
 *
 * @param faces frontal faces, surest first
 * @param bodies whole standing or walking bodies, surest first
 */
public record Detections(List<Box> faces, List<Box> bodies) {

    /** A face counts as the same person as a body when this much of it lies inside the body. */
    static final double FACE_IN_BODY = 0.5;

    public static final Detections NONE = new Detections(List.of(), List.of());

    public Detections {
        faces = List.copyOf(faces);
        bodies = List.copyOf(bodies);
    }

    public int faceCount() {
        return faces.size();
    }

    /**
     * People seen: every body, plus every face that is not inside one. Most people on screen show
     * a face long before their whole body (talking heads, crowds), so faces are counted too.
     */
    public int personCount() {
        return people().size();
    }

    /** One box per person: the bodies, then the faces outside every body. */
    public List<Box> people() {
        List<Box> people = new java.util.ArrayList<>(bodies);
        faces.stream().filter(face -> bodies.stream().noneMatch(body -> body.overlapOfSmaller(face) >= FACE_IN_BODY))
                .forEach(people::add);
        return people;
    }
}
