package io.streamlens.records;

/**
 * One body keypoint of a person's pose, in the frame's relative coordinates (0,0 top left; may
 * fall just outside), with the pose model's confidence in it.
 *
 * @param part COCO keypoint name ({@code nose}, {@code left_wrist}, …)
 */
public record BodyPoint(String part, float x, float y, float score) {
}
