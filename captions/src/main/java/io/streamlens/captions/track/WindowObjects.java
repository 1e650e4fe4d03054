package io.streamlens.captions.track;

import io.streamlens.records.TrackedFrame;
import io.streamlens.records.TrackedObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects a window {@code [startUs, endUs)} saw, by label, built from the tracker's frames.
 *
 * <p>Which frames to pass: every tracked frame of the window, and as many after it as are at hand.
 * A later frame changes no sighting in the window but settles two things the window's own frames
 * cannot: a track first seen in the window's last frame is only confirmed by its next sighting
 * (one looked frame later), and an object that went out of view is only known to have gone once
 * its track ends ({@code lostTimeoutUs} of looking later). Without them the summary still holds,
 * only it says less: such a newcomer is not counted and such a leaver is not marked as left.
 *
 * @param looked whether the detector looked at any frame in the window; when it did not, the
 *     window says nothing about objects, not that there were none
 * @param labels most numerous first, then by first sighting, then by name
 */
public record WindowObjects(long startUs, long endUs, boolean looked, List<LabelSummary> labels) {

    public WindowObjects {
        labels = List.copyOf(labels);
        if (endUs <= startUs) {
            throw new IllegalArgumentException("a window must end after it starts, got [" + startUs + ", " + endUs + ")");
        }
    }

    public Optional<LabelSummary> label(String name) {
        return labels.stream().filter(l -> l.label().equals(name)).findFirst();
    }

    /** Whether the detector looked and saw no confirmed object. */
    public boolean lookedAndSawNothing() {
        return looked && labels.isEmpty();
    }

    public static WindowObjects of(long startUs, long endUs, List<TrackedFrame> frames, MotionOptions options) {
        List<TrackedFrame> inOrder = frames.stream().sorted(Comparator.comparingLong(TrackedFrame::ptsUs)).toList();
        Set<Long> confirmed = new HashSet<>();
        Set<Long> left = new HashSet<>();
        for (TrackedFrame frame : inOrder) {
            frame.objects().stream().filter(TrackedObject::confirmed).forEach(o -> confirmed.add(o.trackId()));
            frame.ended().stream().filter(e -> e.lastSeenUs() >= startUs && e.lastSeenUs() < endUs)
                    .forEach(e -> left.add(e.trackId()));
        }
        List<TrackedFrame> window = inOrder.stream().filter(f -> f.ptsUs() >= startUs && f.ptsUs() < endUs).toList();
        Map<Long, List<Movement.Sighting>> sightings = new LinkedHashMap<>();
        Map<Long, TrackedObject> firstObject = new HashMap<>();
        for (TrackedFrame frame : window) {
            for (TrackedObject o : frame.objects()) {
                if (confirmed.contains(o.trackId())) {
                    sightings.computeIfAbsent(o.trackId(), id -> new ArrayList<>())
                            .add(new Movement.Sighting(frame.ptsUs(), o.detection()));
                    firstObject.putIfAbsent(o.trackId(), o);
                }
            }
        }
        Map<String, List<TrackSummary>> byLabel = new HashMap<>();
        for (Map.Entry<Long, List<Movement.Sighting>> e : sightings.entrySet()) {
            List<Movement.Sighting> seen = e.getValue();
            TrackedObject first = firstObject.get(e.getKey());
            boolean entered = first.arrived() && first.firstSeenUs() >= startUs && first.firstSeenUs() < endUs;
            byLabel.computeIfAbsent(first.label(), l -> new ArrayList<>()).add(new TrackSummary(e.getKey(), first.label(),
                    seen.get(0).ptsUs(), seen.get(seen.size() - 1).ptsUs(), seen.size(), Movement.of(seen, options),
                    entered, left.contains(e.getKey())));
        }
        List<LabelSummary> labels = new ArrayList<>();
        for (Map.Entry<String, List<TrackSummary>> e : byLabel.entrySet()) {
            labels.add(summaryOf(e.getKey(), e.getValue(), window, confirmed));
        }
        labels.sort(Comparator.comparingInt(LabelSummary::count).reversed()
                .thenComparingLong(LabelSummary::firstSeenUs).thenComparing(LabelSummary::label));
        return new WindowObjects(startUs, endUs, window.stream().anyMatch(TrackedFrame::looked), labels);
    }

    private static LabelSummary summaryOf(String label, List<TrackSummary> tracks, List<TrackedFrame> window,
                                          Set<Long> confirmed) {
        List<TrackSummary> byId = tracks.stream().sorted(Comparator.comparingLong(TrackSummary::trackId)).toList();
        List<TrackedObject> mostBoxes = List.of();
        long mostAt = 0;
        for (TrackedFrame frame : window) {
            List<TrackedObject> boxes = frame.objects().stream()
                    .filter(o -> o.label().equals(label) && confirmed.contains(o.trackId())).toList();
            if (boxes.size() > mostBoxes.size()) {
                mostBoxes = boxes;
                mostAt = frame.ptsUs();
            }
        }
        long first = byId.stream().mapToLong(TrackSummary::firstSeenUs).min().orElseThrow();
        long last = byId.stream().mapToLong(TrackSummary::lastSeenUs).max().orElseThrow();
        return new LabelSummary(label, first, last, mostBoxes.size(), mostAt, mostBoxes, byId);
    }
}
