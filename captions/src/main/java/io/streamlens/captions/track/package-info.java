/**
 * Objects in view (issue 13): detections in sampled frames linked into tracks with stable ids, and
 * what a caption window saw of them. Plain Java, no Flink: a Flink operator keeps
 * {@link io.streamlens.captions.track.TrackerState} in keyed state and calls the tracker per frame.
 *
 * <pre>{@code
 * ObjectTracker tracker = new ObjectTracker(TrackerOptions.DEFAULTS);          // in open()
 * TrackerState state = Objects.requireNonNullElse(stateHandle.value(), TrackerState.EMPTY);
 * TrackerStep step = tracker.step(state, FrameDetections.seen(ptsUs, detections));
 * stateHandle.update(step.state());                                           // ValueState<TrackerState>
 * out.collect(step.frame());                                                  // TrackedFrame, per window later:
 * String text = ObjectSentences.describe(WindowObjects.of(startUs, endUs, trackedFrames, MotionOptions.DEFAULTS));
 * }</pre>
 */
package io.streamlens.captions.track;

import io.streamlens.records.FrameDetections;
import io.streamlens.records.TrackedFrame;
