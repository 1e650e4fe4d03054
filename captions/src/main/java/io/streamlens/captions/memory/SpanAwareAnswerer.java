package io.streamlens.captions.memory;

import io.streamlens.records.Answer;
import io.streamlens.records.Durations;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the span a question names in its words ("… between 2:00 and 5:00?") as if the asker had
 * given it as {@code fromMs}/{@code toMs} (a span given explicitly wins), and answers "what
 * happened …?" itself: the stream's windows in the span, told in order, each change of caption
 * once, at most {@link #MAX_PARTS} of them spread over the span. Every other question goes on to
 * {@code others}, narrowed to the span.
 */
public final class SpanAwareAnswerer implements QuestionAnswerer {
    /** An answer longer than this many parts is a transcript, not an answer. */
    static final int MAX_PARTS = 8;
    private final QuestionAnswerer others;

    public SpanAwareAnswerer(QuestionAnswerer others) {
        this.others = others;
    }

    /** The factory of {@code others}, each answerer wrapped. */
    public static QuestionAnswerer.Factory wrapping(QuestionAnswerer.Factory others) {
        return () -> new SpanAwareAnswerer(others.open());
    }

    @Override
    public float[] embed(String text) throws Exception {
        return others.embed(text);
    }

    @Override
    public Answer answer(Query query, List<MemoryEntry> memory) throws Exception {
        SpanQuestion asked = SpanQuestion.parse(query.question());
        Query narrowed = asked.namesSpan() && query.fromMs() == null && query.toMs() == null
                ? query.withSpan(asked.fromMs(), asked.toMs())
                : query;
        if (!asked.whatHappened() || query.problem() != null || memory.isEmpty()) { // an unknown stream: the others say so
            return others.answer(narrowed, memory);
        }
        List<MemoryEntry> runs = changes(memory.stream().filter(e -> StreamMemory.inSpan(narrowed, e)).toList());
        String span = StreamMemory.range(narrowed);
        if (runs.isEmpty()) {
            return new Answer(query.queryId(), query.streamId(), query.question(), "Nothing was captioned" + span + ".", List.of());
        }
        List<Answer.Span> evidence = new ArrayList<>();
        StringBuilder told = new StringBuilder("What happened" + span + ":");
        for (MemoryEntry run : spread(runs)) {
            evidence.add(new Answer.Span(run.startMs(), run.endMs(), run.text()));
            told.append(' ').append(Durations.clock(run.startMs())).append(' ').append(run.text());
        }
        return new Answer(query.queryId(), query.streamId(), query.question(), told.toString(), evidence);
    }

    /** Consecutive windows with the same caption as one, spanning them all. */
    static List<MemoryEntry> changes(List<MemoryEntry> windows) {
        List<MemoryEntry> runs = new ArrayList<>();
        for (MemoryEntry w : windows) {
            MemoryEntry last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.text().equals(w.text())) {
                runs.set(runs.size() - 1, last.endingAt(Math.max(last.endMs(), w.endMs())));
            } else {
                runs.add(w);
            }
        }
        return runs;
    }

    /** At most {@link #MAX_PARTS}, first and last always, the rest evenly between. */
    static List<MemoryEntry> spread(List<MemoryEntry> runs) {
        if (runs.size() <= MAX_PARTS) {
            return runs;
        }
        List<MemoryEntry> picked = new ArrayList<>();
        for (int i = 0; i < MAX_PARTS; i++) {
            picked.add(runs.get((int) Math.round(i * (runs.size() - 1) / (double) (MAX_PARTS - 1))));
        }
        return picked;
    }

    @Override
    public void close() throws Exception {
        others.close();
    }
}
