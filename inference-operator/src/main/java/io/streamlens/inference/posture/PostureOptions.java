package io.streamlens.inference.posture;

import java.io.Serializable;

/**
 * How many people to look at per frame.
 *
 * @param maxPeople at most this many person boxes per frame, largest first: MoveNet Lightning
 *        takes one person per call, so a crowd would otherwise cost a call per head
 * @param minPersonPixels person boxes shorter than this (frame pixels) are skipped: their limbs
 *        are a few pixels wide, and MoveNet's keypoints on them are guesses
 */
public record PostureOptions(int maxPeople, int minPersonPixels) implements Serializable {

    public static final PostureOptions DEFAULTS = new PostureOptions(4, 48);

    public PostureOptions {
        if (maxPeople < 1) {
            throw new IllegalArgumentException("maxPeople must be at least 1: " + maxPeople);
        }
        if (minPersonPixels < 1) {
            throw new IllegalArgumentException("minPersonPixels must be at least 1: " + minPersonPixels);
        }
    }
}
