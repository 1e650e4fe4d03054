package io.streamlens.captions.track;

import io.streamlens.records.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Greedy one-to-one matching of tracks to detections of the same label, best pair first.
 *
 * <p>A pair is allowed through one of two gates. The overlap gate: the detection's box and the
 * track's predicted box overlap by at least {@code iouGate}. The centre gate, for objects that
 * moved further than their own size since the last sample (sparse sampling, a fast mover whose
 * velocity the tracker does not know yet): the centres lie within {@code centreGate} box sizes
 * (the longer side of the larger box) and the areas within {@code maxAreaRatio} of each other.
 * Every overlap pair ranks above every centre pair; overlap pairs rank by IoU, centre pairs by
 * distance; ties break on track id then detection order, so the result is deterministic. Greedy
 * rather than Hungarian: with a handful of objects per label and the gates this tight, the two
 * rarely differ, and greedy needs no cost matrix.
 */
final class Association {

    /** A track index matched to a detection index. */
    record Match(int track, int detection) {
    }

    private record Candidate(int track, int detection, int tier, double cost, long trackId) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::tier)
            .thenComparingDouble(Candidate::cost).thenComparingLong(Candidate::trackId)
            .thenComparingInt(Candidate::detection);

    private final TrackerOptions options;

    Association(TrackerOptions options) {
        this.options = options;
    }

    /**
     * Matches the given tracks (with their predicted boxes) to the given detections.
     *
     * @param trackIndexes which of {@code tracks} may take part
     * @param detectionIndexes which of {@code detections} may take part
     */
    List<Match> match(List<Track> tracks, List<Box> predicted, List<Integer> trackIndexes, List<Detection> detections,
                      List<Integer> detectionIndexes) {
        List<Candidate> candidates = new ArrayList<>();
        for (int t : trackIndexes) {
            Track track = tracks.get(t);
            Box p = predicted.get(t);
            for (int d : detectionIndexes) {
                Detection detection = detections.get(d);
                if (!detection.label().equals(track.label())) {
                    continue;
                }
                Box b = Box.of(detection);
                double iou = p.iou(b);
                if (iou >= options.iouGate()) {
                    candidates.add(new Candidate(t, d, 0, -iou, track.id()));
                } else if (withinCentreGate(p, b)) {
                    candidates.add(new Candidate(t, d, 1, p.centreDistance(b) / Math.max(p.size(), b.size()), track.id()));
                }
            }
        }
        candidates.sort(BEST_FIRST);
        List<Match> matches = new ArrayList<>();
        Set<Integer> tracksTaken = new HashSet<>();
        Set<Integer> detectionsTaken = new HashSet<>();
        for (Candidate c : candidates) {
            if (!tracksTaken.contains(c.track()) && !detectionsTaken.contains(c.detection())) {
                tracksTaken.add(c.track());
                detectionsTaken.add(c.detection());
                matches.add(new Match(c.track(), c.detection()));
            }
        }
        return matches;
    }

    private boolean withinCentreGate(Box predicted, Box detected) {
        double scale = Math.max(predicted.size(), detected.size());
        double larger = Math.max(predicted.area(), detected.area());
        double smaller = Math.min(predicted.area(), detected.area());
        return predicted.centreDistance(detected) <= options.centreGate() * scale
                && larger <= options.maxAreaRatio() * smaller;
    }
}
