package io.streamlens.records;

/**
 * A confirmed track that went unseen, while the detector kept looking, for longer than the lost
 * timeout: the object left the view (or stayed hidden too long to be sure it is the same one).
 */
public record EndedTrack(long trackId, String label, long firstSeenUs, long lastSeenUs) {
}
