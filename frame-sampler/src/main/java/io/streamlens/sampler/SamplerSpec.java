package io.streamlens.sampler;

import java.util.Locale;

/**
 * Which frames of a stream are kept: {@code uniform:<fps>}, {@code scene[:threshold]},
 * {@code keyframes} or {@code keyframes:<fps>}. Parsed from the {@code --sampler} option.
 *
 * @param kind the strategy
 * @param fps frames per second for {@link Kind#UNIFORM}; for {@link Kind#KEYFRAMES} at most this
 *     many keyframes a second (the first keyframe at or after each tick), 0 for every keyframe
 * @param sceneThreshold colour-histogram distance (0..1) between consecutive frames that starts a
 *     new shot; used by every kind to number shots
 * @param refreshUs {@link Kind#SCENE} also samples a shot again after this long without a sample
 */
public record SamplerSpec(Kind kind, double fps, double sceneThreshold, long refreshUs) implements java.io.Serializable {
    public static final double DEFAULT_SCENE_THRESHOLD = 0.35;
    public static final long DEFAULT_REFRESH_US = 5_000_000L;

    public enum Kind { UNIFORM, SCENE, KEYFRAMES }

    public SamplerSpec {
        if (kind == Kind.UNIFORM && !(fps > 0 && fps <= 240)) {
            throw new IllegalArgumentException("uniform sampling needs 0 < fps <= 240, got " + fps);
        }
        if (kind == Kind.KEYFRAMES && !(fps >= 0 && fps <= 240)) {
            throw new IllegalArgumentException("keyframe sampling needs 0 <= fps <= 240 (0: every keyframe), got " + fps);
        }
        if (!(sceneThreshold > 0 && sceneThreshold < 1)) {
            throw new IllegalArgumentException("scene threshold must be between 0 and 1 (exclusive), got " + sceneThreshold);
        }
        if (refreshUs <= 0) {
            throw new IllegalArgumentException("scene refresh interval must be positive, got " + refreshUs + " us");
        }
    }

    public static SamplerSpec uniform(double fps) {
        return new SamplerSpec(Kind.UNIFORM, fps, DEFAULT_SCENE_THRESHOLD, DEFAULT_REFRESH_US);
    }

    public static SamplerSpec scene(double threshold) {
        return new SamplerSpec(Kind.SCENE, 0, threshold, DEFAULT_REFRESH_US);
    }

    public static SamplerSpec keyframes() {
        return keyframes(0);
    }

    /**
     * Keyframes only, at most {@code fps} a second: decoding skips every other frame, so an archive
     * scan costs a fraction of a full decode, and long stretches of short GOPs are not sampled
     * more densely than {@code uniform:<fps>} would.
     */
    public static SamplerSpec keyframes(double fps) {
        return new SamplerSpec(Kind.KEYFRAMES, fps, DEFAULT_SCENE_THRESHOLD, DEFAULT_REFRESH_US);
    }

    /** Parses {@code uniform:1}, {@code uniform:0.5}, {@code scene}, {@code scene:0.4}, {@code keyframes}, {@code keyframes:1}. */
    public static SamplerSpec parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":", 2);
        String argument = parts.length > 1 ? parts[1] : null;
        return switch (parts[0]) {
            case "uniform" -> uniform(argument == null ? 1.0 : number(argument, text));
            case "scene" -> scene(argument == null ? DEFAULT_SCENE_THRESHOLD : number(argument, text));
            case "keyframes" -> keyframes(argument == null ? 0 : number(argument, text));
            default -> throw new IllegalArgumentException(
                    "unknown sampler '" + text + "': use uniform:<fps>, scene[:threshold] or keyframes[:fps]");
        };
    }

    private static double number(String argument, String whole) {
        try {
            return Double.parseDouble(argument);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + argument + "' in sampler '" + whole + "' is not a number", e);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case UNIFORM -> "uniform:" + (fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps));
            case SCENE -> "scene:" + sceneThreshold;
            case KEYFRAMES -> fps == 0 ? "keyframes" : "keyframes:" + (fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps));
        };
    }
}
