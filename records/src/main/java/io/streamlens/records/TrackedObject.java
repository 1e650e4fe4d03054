package io.streamlens.records;

/**
 * A track seen in one frame: the detection it was matched to.
 *
 * @param trackId the track's id
 * @param confirmed whether the track is confirmed as of this frame; a tentative one may still be
 *     dropped, and summaries count it only if a later frame confirms it
 * @param arrived see {@link Track#arrived()}
 * @param firstSeenUs when the track was first seen
 * @param detection what the detector reported for it in this frame
 */
public record TrackedObject(long trackId, boolean confirmed, boolean arrived, long firstSeenUs, Detection detection) {

    public TrackedObject {
        if (detection == null) {
            throw new IllegalArgumentException("tracked object " + trackId + " needs its detection");
        }
    }

    public String label() {
        return detection.label();
    }
}
