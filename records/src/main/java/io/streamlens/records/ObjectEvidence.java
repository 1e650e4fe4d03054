package io.streamlens.records;

import java.util.List;

/**
 * What a window's caption says about one kind of object, and what it rests on: the distinct tracks
 * of that label seen in the window (not the most in one frame), their boxes at the frame that
 * showed the most of them, when the label was first and last seen, and each track's movement.
 *
 * @param label the detector's label ({@code person}, {@code car} …)
 * @param count distinct confirmed tracks of the label in the window
 * @param trackIds their ids, stable across the stream's windows
 * @param motions each track's movement, in the order of {@code trackIds} ({@code left}, {@code still} …)
 * @param firstSeenMs when the label was first seen in the window
 * @param lastSeenMs when it was last seen
 * @param atMs the representative frame
 * @param boxes the label's boxes in that frame, in relative coordinates
 */
public record ObjectEvidence(String label, int count, List<Long> trackIds, List<String> motions, long firstSeenMs,
                             long lastSeenMs, long atMs, List<Detection> boxes) {
    public ObjectEvidence {
        trackIds = List.copyOf(trackIds);
        motions = List.copyOf(motions);
        boxes = List.copyOf(boxes);
    }
}
