package io.streamlens.inference.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's "weighted" non-maximum suppression (BlazeFace's tie resolution): take the best
 * remaining candidate, gather every candidate overlapping it by more than a threshold, and keep
 * their score-weighted mean box and landmarks with the best one's score. BlazeFace fires on
 * several neighbouring anchors per face, each a little off; their mean is steadier from frame to
 * frame than any one of them, which matters for tracks and expression crops.
 */
final class WeightedSuppression {

    private final float overlap;
    private final int maxResults;

    WeightedSuppression(float overlap, int maxResults) {
        this.overlap = overlap;
        this.maxResults = maxResults;
    }

    List<FaceCandidate> apply(List<FaceCandidate> candidates) {
        List<FaceCandidate> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(FaceCandidate::score).reversed());
        List<FaceCandidate> kept = new ArrayList<>();
        while (!remaining.isEmpty() && kept.size() < maxResults) {
            FaceCandidate best = remaining.get(0);
            List<FaceCandidate> group = new ArrayList<>();
            List<FaceCandidate> rest = new ArrayList<>();
            for (FaceCandidate c : remaining) {
                (c == best || best.iou(c) > overlap ? group : rest).add(c);
            }
            kept.add(mean(best.score(), group));
            remaining = rest;
        }
        return kept;
    }

    private static FaceCandidate mean(float score, List<FaceCandidate> group) {
        float total = 0;
        float x0 = 0;
        float y0 = 0;
        float x1 = 0;
        float y1 = 0;
        float[] points = new float[group.get(0).points().length];
        for (FaceCandidate c : group) {
            float w = c.score();
            total += w;
            x0 += w * c.x0();
            y0 += w * c.y0();
            x1 += w * c.x1();
            y1 += w * c.y1();
            for (int i = 0; i < points.length; i++) {
                points[i] += w * c.points()[i];
            }
        }
        for (int i = 0; i < points.length; i++) {
            points[i] /= total;
        }
        return new FaceCandidate(score, x0 / total, y0 / total, x1 / total, y1 / total, points);
    }
}
