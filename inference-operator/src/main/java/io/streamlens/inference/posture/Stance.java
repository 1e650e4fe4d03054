package io.streamlens.inference.posture;

/** How a person holds their body, or {@link #UNKNOWN} when the keypoints do not say so clearly. */
public enum Stance {
    STANDING, SITTING, LYING, UNKNOWN
}
