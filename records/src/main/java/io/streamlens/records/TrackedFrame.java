package io.streamlens.records;

import java.util.List;

/**
 * What the tracker made of one frame: the tracks seen in it and the tracks that ended at it.
 *
 * @param ptsUs the frame's time
 * @param looked whether the detector looked at it (a frame it did not look at has no objects and
 *     ends no tracks)
 * @param objects the tracks seen in this frame, confirmed and tentative, by id
 * @param ended tracks that ended at this frame; they were last seen earlier ({@link EndedTrack#lastSeenUs()})
 */
public record TrackedFrame(long ptsUs, boolean looked, List<TrackedObject> objects, List<EndedTrack> ended) {

    public TrackedFrame {
        objects = List.copyOf(objects);
        ended = List.copyOf(ended);
    }

    public static TrackedFrame notLooked(long ptsUs) {
        return new TrackedFrame(ptsUs, false, List.of(), List.of());
    }

    /** The confirmed tracks in this frame. */
    public List<TrackedObject> confirmed() {
        return objects.stream().filter(TrackedObject::confirmed).toList();
    }
}
