package io.streamlens.captions.track;

import io.streamlens.records.Detection;

/**
 * One object followed across sampled frames, as the tracker keeps it between frames.
 *
 * @param id stable within its stream, increasing, never reused
 * @param last the detection it was last seen as (its label is the track's label)
 * @param confirmed seen in two looked frames, or once with at least {@code confirmScore}; a
 *     tentative track not matched in the next looked frame is dropped without a trace
 * @param arrived it was first seen in a frame whose previous frame the detector also looked at,
 *     so it came into view rather than being there when the detector started or resumed looking
 * @param firstSeenUs when it was first seen
 * @param lastSeenUs when it was last seen ({@code last}'s frame)
 * @param unseenUs how long it has gone unseen since, counting only time the detector was looking
 *     (0 while it is visible; a confirmed track with {@code unseenUs > 0} is lost)
 * @param sightings in how many frames it was seen
 * @param vx its centre's velocity, frame widths per second (positive: moving right)
 * @param vy its centre's velocity, frame heights per second (positive: moving down)
 */
public record Track(long id, Detection last, boolean confirmed, boolean arrived, long firstSeenUs, long lastSeenUs,
                    long unseenUs, int sightings, double vx, double vy) {

    public Track {
        if (last == null) {
            throw new IllegalArgumentException("track " + id + " needs its last detection");
        }
    }

    public String label() {
        return last.label();
    }

    public boolean lost() {
        return unseenUs > 0;
    }

    /** Where the constant-velocity model puts its box at {@code ptsUs}. */
    Box predictedAt(long ptsUs) {
        double seconds = (ptsUs - lastSeenUs) / 1e6;
        return Box.of(last).movedBy(vx * seconds, vy * seconds);
    }
}
