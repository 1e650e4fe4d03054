package io.streamlens.events.alerts;

import io.streamlens.records.Alert;
import java.util.List;

/**
 * A rule holding on a stream, kept in keyed state between windows: since when, until which window
 * end, whether its alert has been published, and the windows that fired it.
 *
 * @param ruleSource the rule's JSON when the episode began; a rule replaced by another text ends it
 * @param sinceMs start of the first window the rule held in
 * @param lastEndMs end of the newest window it held in
 * @param open whether the open alert has been published
 * @param text what the alert says
 */
public record Episode(String ruleSource, long sinceMs, long lastEndMs, boolean open, String text, List<Alert.Window> evidence) {

    public Episode {
        evidence = List.copyOf(evidence);
        text = text == null ? "" : text;
    }
}
