package io.streamlens.inference.faces;

import java.io.Serializable;

/**
 * What counts as a face and how hard to look.
 *
 * @param minScore sigmoid scores below this are dropped. MediaPipe uses 0.5; here 0.75, because
 *        the cockatoo's head scores 0.72 and a dog's face 0.63 in the whole frame. The price: a face
 *        under about 32 px in a 640-wide frame (0.58–0.75 there) counts only when a person crop
 *        magnifies it (0.8 and more), so pass the object detector's people
 * @param mergeOverlap candidates overlapping the best remaining one by more intersection-over-union
 *        than this are merged into it (MediaPipe's weighted suppression uses 0.3: BlazeFace gives one
 *        face many anchors, and a face seen in a person crop and in the whole frame is one face)
 * @param maxFaces at most this many faces per frame, best first
 * @param maxPersonCrops at most this many person boxes (largest first) get a crop of their own,
 *        so a crowd costs a bounded number of extra model inputs per frame
 */
public record FaceOptions(float minScore, float mergeOverlap, int maxFaces, int maxPersonCrops) implements Serializable {

    public static final FaceOptions DEFAULTS = new FaceOptions(0.75f, 0.3f, 20, 4);

    public FaceOptions {
        if (!(minScore > 0 && minScore < 1)) {
            throw new IllegalArgumentException("minScore must be in (0, 1): " + minScore);
        }
        if (!(mergeOverlap > 0 && mergeOverlap <= 1)) {
            throw new IllegalArgumentException("mergeOverlap must be in (0, 1]: " + mergeOverlap);
        }
        if (maxFaces < 1) {
            throw new IllegalArgumentException("maxFaces must be at least 1: " + maxFaces);
        }
        if (maxPersonCrops < 0) {
            throw new IllegalArgumentException("maxPersonCrops must not be negative: " + maxPersonCrops);
        }
    }

    public FaceOptions withMinScore(float score) {
        return new FaceOptions(score, mergeOverlap, maxFaces, maxPersonCrops);
    }

    public FaceOptions withMaxPersonCrops(int crops) {
        return new FaceOptions(minScore, mergeOverlap, maxFaces, crops);
    }
}
