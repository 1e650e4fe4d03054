package io.streamlens.inference.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns BlazeFace's raw outputs for one input into face candidates, as MediaPipe's
 * {@code TensorsToDetectionsCalculator} does for the back-camera model: per anchor a logit
 * (clipped to ±100, then sigmoid) and 16 values: box centre offset {@code dx, dy} and size
 * {@code w, h}, then six landmarks as {@code x, y} offsets, all in input pixels, offsets
 * relative to the anchor centre ({@link BlazeFaceAnchors}). Coordinates come out relative to the
 * square input (0–1, not clipped).
 */
final class BlazeFaceDecoder {

    static final int VALUES_PER_ANCHOR = 16;
    /** MediaPipe's score clipping: keeps exp() finite for absurd logits. */
    private static final float LOGIT_LIMIT = 100f;

    private final float[] anchors = BlazeFaceAnchors.centres();
    private final float minScore;
    private final float minLogit;

    BlazeFaceDecoder(float minScore) {
        this.minScore = minScore;
        this.minLogit = (float) Math.log(minScore / (1 - minScore)); // compare logits: no exp() per anchor
    }

    /**
     * @param logits one per anchor, in anchor order (stride 16's then stride 32's)
     * @param boxes {@link #VALUES_PER_ANCHOR} per anchor, same order
     */
    List<FaceCandidate> decode(float[] logits, float[] boxes) {
        float size = BlazeFaceAnchors.INPUT_SIZE;
        List<FaceCandidate> out = new ArrayList<>();
        for (int a = 0; a < logits.length; a++) {
            float logit = Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, logits[a]));
            if (logit < minLogit) {
                continue;
            }
            float score = (float) (1 / (1 + Math.exp(-logit)));
            if (score < minScore) {
                continue;
            }
            int v = a * VALUES_PER_ANCHOR;
            float ax = anchors[2 * a];
            float ay = anchors[2 * a + 1];
            float cx = ax + boxes[v] / size;
            float cy = ay + boxes[v + 1] / size;
            float w = boxes[v + 2] / size;
            float h = boxes[v + 3] / size;
            if (!(w > 0 && h > 0)) {
                continue;
            }
            float[] points = new float[2 * FaceLandmark.values().length];
            for (int p = 0; p < points.length; p += 2) {
                points[p] = ax + boxes[v + 4 + p] / size;
                points[p + 1] = ay + boxes[v + 5 + p] / size;
            }
            out.add(new FaceCandidate(score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, points));
        }
        return out;
    }
}
