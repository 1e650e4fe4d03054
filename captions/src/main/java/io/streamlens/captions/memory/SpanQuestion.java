package io.streamlens.captions.memory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span of stream time a question names in its words ("between 2:00 and 5:00", "from 1:30 to
 * 2:10", "between 90 s and 3 min"), and whether it asks what happened rather than something in
 * particular. Plain pattern matching over a bounded question, never evaluated as anything else.
 *
 * @param fromMs where the span starts, or null when the question names none
 * @param toMs where it ends, or null
 * @param whatHappened "what happened …?", "summarise …", "summary of …"
 */
public record SpanQuestion(Long fromMs, Long toMs, boolean whatHappened) {
    /** A time: 1:02:03, 2:05, or a number with a unit (90 s, 3 min, 1.5 minutes, 2 h). */
    private static final String TIME = "(\\d{1,2}:\\d{2}:\\d{2}|\\d{1,4}:\\d{2}|\\d{1,6}(?:\\.\\d{1,3})?\\s*"
            + "(?:s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours))\\b";
    private static final Pattern SPAN = Pattern.compile("\\b(?:between|from)\\s+" + TIME + "\\s+(?:and|to|until|till|-)\\s+" + TIME);
    private static final Pattern WHAT_HAPPENED = Pattern.compile(
            "^\\s*(what\\s+(happened|happens|is happening|was happening|went on|goes on)|summari[sz]e|summary|give me a summary)\\b");

    public static SpanQuestion parse(String question) {
        String text = question.toLowerCase(Locale.ROOT);
        boolean whatHappened = WHAT_HAPPENED.matcher(text).find();
        Matcher span = SPAN.matcher(text);
        if (!span.find()) {
            return new SpanQuestion(null, null, whatHappened);
        }
        long from = millis(span.group(1));
        long to = millis(span.group(2));
        return new SpanQuestion(Math.min(from, to), Math.max(from, to), whatHappened);
    }

    public boolean namesSpan() {
        return fromMs != null;
    }

    static long millis(String time) {
        String t = time.trim();
        if (t.contains(":")) {
            long seconds = 0;
            for (String part : t.split(":")) {
                seconds = seconds * 60 + Long.parseLong(part);
            }
            return seconds * 1000;
        }
        Matcher m = Pattern.compile("([\\d.]+)\\s*([a-z]+)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a time: " + time);
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        double factor = unit.startsWith("h") ? 3_600_000 : unit.startsWith("m") ? 60_000 : 1000;
        return Math.round(value * factor);
    }
}
