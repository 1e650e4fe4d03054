package io.streamlens.events.alerts;

import io.streamlens.events.rules.Rule;
import io.streamlens.events.rules.WindowView;
import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The life of one rule's episodes on one stream, window by window, with no Flink in it: an
 * episode begins at the first window the rule holds in, opens (one {@code open} alert) once it has
 * held for the rule's {@code for}, and closes (one {@code closed} alert, same id) at the first
 * window it no longer holds in, or when the stream ends or the rule changes. An episode that never
 * opened ends without a word.
 */
public final class RuleEpisodes {
    private RuleEpisodes() {
    }

    /** What a window did to an episode: the episode now (empty: none), and the alert to publish, if any. */
    public record Step(Optional<Episode> episode, Optional<Alert> alert) {
    }

    /**
     * @param episode the rule's episode on this stream before the window, if any
     * @param wallClockMs the job's clock, for the rule's hours of the day
     */
    public static Step next(Rule rule, String streamId, Optional<Episode> episode, WindowView window, long wallClockMs) {
        Optional<String> found = rule.armed().contains(wallClockMs) ? rule.when().test(window) : Optional.empty();
        Caption caption = window.caption();
        if (found.isEmpty()) {
            return new Step(Optional.empty(), episode.flatMap(e -> closing(rule.ruleId(), streamId, e)));
        }
        Alert.Window fired = new Alert.Window(caption.captionId(), caption.startMs(), caption.endMs(), found.get(), caption.text());
        Episode current = episode.map(e -> held(e, fired))
                .orElseGet(() -> new Episode(rule.source(), caption.startMs(), caption.endMs(), false, "", List.of(fired)));
        if (current.open() || caption.endMs() - current.sinceMs() < rule.holdFor().toMillis()) {
            return new Step(Optional.of(current), Optional.empty());
        }
        String text = (rule.title().isEmpty() ? rule.ruleId() : rule.title()) + " on " + streamId + ": " + found.get();
        Episode opened = new Episode(current.ruleSource(), current.sinceMs(), current.lastEndMs(), true, text, current.evidence());
        return new Step(Optional.of(opened), Optional.of(alert(rule.ruleId(), streamId, opened, Alert.OPEN, -1)));
    }

    /** The closed alert of an episode that ends now (the stream ended, went idle, or its rule changed), if it had opened. */
    public static Optional<Alert> closing(String ruleId, String streamId, Episode episode) {
        return episode.open() ? Optional.of(alert(ruleId, streamId, episode, Alert.CLOSED, episode.lastEndMs())) : Optional.empty();
    }

    private static Episode held(Episode e, Alert.Window fired) {
        List<Alert.Window> evidence = e.evidence();
        if (!e.open() && evidence.size() < Alert.MAX_EVIDENCE) {
            evidence = new ArrayList<>(evidence);
            evidence.add(fired);
        }
        return new Episode(e.ruleSource(), e.sinceMs(), Math.max(e.lastEndMs(), fired.endMs()), e.open(), e.text(), evidence);
    }

    private static Alert alert(String ruleId, String streamId, Episode e, String state, long endMs) {
        return new Alert(Alert.idOf(ruleId, streamId, e.sinceMs()), ruleId, streamId, e.sinceMs(), endMs, state, e.text(), e.evidence());
    }
}
