package io.streamlens.captions.track;

import io.streamlens.records.TrackedObject;
import java.util.List;

/**
 * The objects of one label a window saw.
 *
 * @param label the COCO label
 * @param firstSeenUs the first sighting of any of them in the window
 * @param lastSeenUs the last sighting of any of them in the window
 * @param mostAtOnce the most seen in a single frame (three people passing one at a time: 1)
 * @param representativePtsUs the frame that shows most of them at once (the earliest such)
 * @param representativeBoxes their boxes in that frame
 * @param tracks the distinct tracks, by id
 */
public record LabelSummary(String label, long firstSeenUs, long lastSeenUs, int mostAtOnce, long representativePtsUs,
                           List<TrackedObject> representativeBoxes, List<TrackSummary> tracks) {

    public LabelSummary {
        representativeBoxes = List.copyOf(representativeBoxes);
        tracks = List.copyOf(tracks);
    }

    /** How many distinct objects of this label the window saw (three people passing one at a time: 3). */
    public int count() {
        return tracks.size();
    }

    public List<Long> trackIds() {
        return tracks.stream().map(TrackSummary::trackId).toList();
    }
}
