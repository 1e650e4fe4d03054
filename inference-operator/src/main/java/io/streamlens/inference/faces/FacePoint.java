package io.streamlens.inference.faces;

/** One landmark of a face in relative frame coordinates (0,0 top left, 1,1 bottom right; may fall just outside). */
public record FacePoint(FaceLandmark landmark, float x, float y) {
}
