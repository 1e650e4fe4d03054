package io.streamlens.captions.track;

/** How a track moved during a window, as far as its boxes show (see {@link MotionOptions}). */
public enum Motion {
    /** Its centre moved towards the frame's left edge. */
    LEFT,
    /** Its centre moved towards the frame's right edge. */
    RIGHT,
    /** Its box grew markedly: it came closer to the camera. */
    TOWARDS,
    /** Its box shrank markedly: it went away from the camera. */
    AWAY,
    /** It moved, mostly up or down the picture, which boxes alone cannot turn into a direction. */
    MOVING,
    /** It stayed in place for long enough to say so. */
    STILL,
    /** Seen once, or for too short a time, or it drifted too little to call it moving yet too much to call it still. */
    UNKNOWN
}
