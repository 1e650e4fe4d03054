package io.streamlens.records;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them on a command line: {@code 4s}, {@code 500ms}, {@code 1m}, {@code 2h}, plain seconds. */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Duration.ofNanos(Math.round(Double.parseDouble(s.substring(0, s.length() - 2)) * 1e6));
            }
            double scale = s.endsWith("h") ? 3600e9 : s.endsWith("m") ? 60e9 : 1e9;
            String number = s.matches(".*[hms]$") ? s.substring(0, s.length() - 1) : s;
            double value = Double.parseDouble(number);
            if (value < 0) {
                throw new IllegalArgumentException("'" + text + "' is negative");
            }
            return Duration.ofNanos(Math.round(value * scale));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 4s, 500ms, 1m or 2h", e);
        }
    }

    /** A time in a video as a player shows it: {@code 0:07}, {@code 12:03}, {@code 1:02:03}. */
    public static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    /** The shortest of these spellings that {@link #parse} reads back as the same duration ({@code 4s}, {@code 500ms}). */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
