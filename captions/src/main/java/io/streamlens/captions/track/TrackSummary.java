package io.streamlens.captions.track;

/**
 * One confirmed track as a window saw it.
 *
 * @param trackId the track's id
 * @param label what it is
 * @param firstSeenUs its first sighting in the window
 * @param lastSeenUs its last sighting in the window
 * @param sightings in how many of the window's frames it was seen
 * @param motion how it moved over its sightings in the window
 * @param entered it came into view in this window: first seen here, in a frame whose previous frame
 *     the detector looked at (an object already there when the stream or the detector started did
 *     not enter)
 * @param left it went out of view in this window: its track ended and its last sighting is here
 */
public record TrackSummary(long trackId, String label, long firstSeenUs, long lastSeenUs, int sightings, Motion motion,
                           boolean entered, boolean left) {
}
