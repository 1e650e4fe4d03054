package io.streamlens.captions.track;

import java.util.List;

/**
 * Everything the tracker remembers about one stream, as a value Flink keeps in keyed state
 * (RocksDB) as a POJO, without Kryo: primitives, records, and a list of records. Restoring it
 * restores the tracker exactly, ids included.
 *
 * @param nextId the id the next new track gets (ids start at 1)
 * @param lastFramePtsUs the time of the last frame seen, looked at or not; {@link Long#MIN_VALUE}
 *     before the first
 * @param lastFrameLooked whether the detector looked at that frame
 * @param tracks tentative, visible and lost tracks, by id
 */
public record TrackerState(long nextId, long lastFramePtsUs, boolean lastFrameLooked, List<Track> tracks) {

    public static final TrackerState EMPTY = new TrackerState(1, Long.MIN_VALUE, false, List.of());

    public TrackerState {
        tracks = List.copyOf(tracks);
        if (nextId < 1) {
            throw new IllegalArgumentException("track ids start at 1, got nextId " + nextId);
        }
    }

    public boolean hasFrames() {
        return lastFramePtsUs != Long.MIN_VALUE;
    }
}
