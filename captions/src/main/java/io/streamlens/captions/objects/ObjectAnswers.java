package io.streamlens.captions.objects;

import io.streamlens.records.Answer.Span;
import io.streamlens.records.Durations;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.ObjectsSeen;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers an {@link ObjectQuestion} from the tracks of a stream's windows: distinct track ids for
 * "how many", the spans a label was seen in for "when" and "whether". Only windows the detector
 * looked at count; a stream it never looked at gets that said, never "none".
 */
public final class ObjectAnswers {
    /** Spans closer than this are one sighting in the answer (a track can hide for a sample or two). */
    static final long JOIN_GAP_MS = 2_000;

    private ObjectAnswers() {
    }

    /** One window of the stream, as its caption's evidence has it. */
    public record Window(long startMs, long endMs, ObjectsSeen objects) {
    }

    public record Answered(String answer, List<Span> evidence) {
    }

    public static Answered answer(ObjectQuestion question, List<Window> windows) {
        List<Window> looked = windows.stream().filter(w -> w.objects().looked()).toList();
        String one = CocoNouns.singular(question.label());
        String many = CocoNouns.plural(question.label());
        if (looked.isEmpty()) {
            return new Answered("Objects were not looked for in this stream, so nothing can be said about "
                    + many + ".", List.of());
        }
        List<Span> spans = spans(question.label(), looked);
        Set<Long> tracks = new LinkedHashSet<>();
        for (Window w : looked) {
            w.objects().of(question.label()).ifPresent(e -> tracks.addAll(e.trackIds()));
        }
        String covered = " in " + Durations.clock(looked.get(looked.size() - 1).endMs() - looked.get(0).startMs())
                + " of video looked at";
        if (spans.isEmpty()) {
            String none = "No " + one + " was seen" + covered + ".";
            return new Answered(question.intent() == ObjectQuestion.Intent.WHETHER ? "No. " + none : none, List.of());
        }
        String when = spans.size() == 1 ? " " + range(spans.get(0))
                : " " + String.join(", ", spans.stream().limit(10).map(ObjectAnswers::range).toList())
                        + (spans.size() > 10 ? " and " + (spans.size() - 10) + " more times" : "");
        String text = switch (question.intent()) {
            case COUNT -> capitalised(Counts.of(Math.max(1, tracks.size()), question.label()))
                    + (tracks.size() <= 1 ? " was" : " were") + " seen" + covered + ":" + when + ".";
            case WHETHER -> "Yes: " + Counts.of(Math.max(1, tracks.size()), question.label()) + " seen" + when + ".";
            case WHEN -> capitalised(CocoNouns.withArticle(question.label())) + " was seen" + when + ".";
        };
        return new Answered(text, spans);
    }

    /** The windows that saw the label, joined where they touch, with what was seen in each. */
    static List<Span> spans(String label, List<Window> looked) {
        List<Span> spans = new ArrayList<>();
        for (Window w : looked) {
            Optional<ObjectEvidence> seen = w.objects().of(label);
            if (seen.isEmpty() || seen.get().count() == 0) {
                continue;
            }
            long from = seen.get().firstSeenMs();
            long to = Math.max(seen.get().lastSeenMs(), from);
            String text = Counts.of(seen.get().count(), label);
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && from <= last.endMs() + JOIN_GAP_MS) {
                spans.set(spans.size() - 1, new Span(last.startMs(), Math.max(last.endMs(), to),
                        last.text().equals(text) ? text : last.text() + "; " + text));
            } else {
                spans.add(new Span(from, to, text));
            }
        }
        return spans;
    }

    private static String range(Span span) {
        return span.endMs() - span.startMs() < 1000 ? "at " + Durations.clock(span.startMs())
                : "from " + Durations.clock(span.startMs()) + " to " + Durations.clock(span.endMs());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
