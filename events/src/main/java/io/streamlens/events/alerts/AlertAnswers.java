package io.streamlens.events.alerts;

import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Durations;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Questions about a stream's alerts ("any alerts?", "what alerts fired between 2:00 and 5:00?"),
 * answered from the alerts themselves rather than from captions: each episode once, as it stands
 * last, with its time range.
 */
public final class AlertAnswers {
    private static final Pattern ABOUT_ALERTS = Pattern.compile("\\b(alerts?|alarms?)\\b");
    /** An answer names at most this many alerts, newest first; the count says how many there were. */
    static final int MAX_LISTED = 10;

    private AlertAnswers() {
    }

    public static boolean asksAboutAlerts(String question) {
        return question != null && ABOUT_ALERTS.matcher(question.toLowerCase(Locale.ROOT)).find();
    }

    /** @param alerts the stream's alerts, each episode as it stands last */
    public static Answer answer(Query query, List<Alert> alerts) {
        List<Alert> inSpan = alerts.stream().filter(a -> inSpan(a, query))
                .sorted(Comparator.comparingLong(Alert::startMs).reversed()).toList();
        if (inSpan.isEmpty()) {
            return new Answer(query.queryId(), query.streamId(), query.question(),
                    "No alerts" + (query.fromMs() == null && query.toMs() == null ? "" : " in that span") + ".", List.of());
        }
        List<String> listed = new ArrayList<>();
        List<Answer.Span> evidence = new ArrayList<>();
        for (Alert a : inSpan.subList(0, Math.min(MAX_LISTED, inSpan.size()))) {
            String when = Durations.clock(a.startMs()) + "–" + (a.open() ? "still holding" : Durations.clock(a.endMs()));
            listed.add(a.text() + " (" + when + ")");
            long end = a.open() ? a.evidence().stream().mapToLong(Alert.Window::endMs).max().orElse(a.startMs()) : a.endMs();
            evidence.add(new Answer.Span(a.startMs(), end, a.text()));
        }
        String count = inSpan.size() == 1 ? "1 alert" : inSpan.size() + " alerts";
        return new Answer(query.queryId(), query.streamId(), query.question(),
                count + (inSpan.size() > MAX_LISTED ? ", the newest " + MAX_LISTED : "") + ": " + String.join("; ", listed) + ".", evidence);
    }

    private static boolean inSpan(Alert a, Query query) {
        long end = a.open() ? Long.MAX_VALUE : a.endMs();
        return (query.fromMs() == null || end > query.fromMs()) && (query.toMs() == null || a.startMs() < query.toMs());
    }
}
