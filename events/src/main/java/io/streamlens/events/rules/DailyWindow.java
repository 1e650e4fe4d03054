package io.streamlens.events.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The hours of the day a rule is armed, on the wall clock of a time zone ({@code "between":
 * ["22:00", "06:00"]} wraps past midnight). Stream times count from the start of a source and say
 * nothing about the hour, so the hour is the job's clock when the window is evaluated.
 */
public record DailyWindow(LocalTime from, LocalTime to, ZoneId zone) {
    public static final DailyWindow ALWAYS = new DailyWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("UTC"));

    public boolean contains(long wallClockMs) {
        if (from.equals(to)) {
            return true;
        }
        LocalTime t = Instant.ofEpochMilli(wallClockMs).atZone(zone).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
