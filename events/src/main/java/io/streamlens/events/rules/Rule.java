package io.streamlens.events.rules;

import java.time.Duration;

/**
 * An alert rule: on the streams it names, an episode opens when {@code when} has held for
 * {@code holdFor} of stream time (at once for zero) inside its daily window, and closes at the
 * first window it no longer holds in.
 *
 * @param source the JSON it was read from; the same text republished changes nothing
 * @param title what its alerts say, or empty to let them say what was found
 */
public record Rule(String ruleId, StreamSelector streams, Condition when, Duration holdFor, DailyWindow armed,
                   String title, String source) {
}
