package io.streamlens.inference.posture;

/**
 * One body keypoint in relative frame coordinates (0,0 top left, 1,1 bottom right; may fall just
 * outside) with MoveNet's confidence in it (0–1).
 */
public record BodyKeypoint(BodyPart part, float x, float y, float score) {
}
