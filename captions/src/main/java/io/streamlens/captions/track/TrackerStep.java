package io.streamlens.captions.track;

/** The tracker's answer to one frame: its state afterwards, and what it made of the frame. */
public record TrackerStep(TrackerState state, TrackedFrame frame) {
}
