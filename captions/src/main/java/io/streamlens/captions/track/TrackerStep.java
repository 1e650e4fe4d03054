package io.streamlens.captions.track;

import io.streamlens.records.TrackedFrame;

/** The tracker's answer to one frame: its state afterwards, and what it made of the frame. */
public record TrackerStep(TrackerState state, TrackedFrame frame) {
}
