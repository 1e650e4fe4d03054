package io.streamlens.captions.memory;

import io.streamlens.captions.PerceptionCaption;
import io.streamlens.records.Answer;
import io.streamlens.records.Durations;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the windows of a stream that answer a question: sentence-embedding similarity between the
 * question and what each window showed, plus a boost for words of the question that were read
 * on screen verbatim (embeddings blur exact codes such as "GATE 7"). Plain Java.
 */
public final class StreamMemory {
    /** Windows less similar than this are not offered as evidence. */
    static final double MIN_SCORE = 0.25;
    static final int MAX_EVIDENCE = 3;
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "is", "was", "were", "when", "what", "where",
            "did", "does", "do", "on", "in", "at", "of", "to", "show", "shown", "appear", "appears", "appeared", "there",
            "any", "which", "who", "how", "it", "screen", "text", "video", "stream", "say", "said", "read");

    private StreamMemory() {
    }

    /** The windows to answer from, best first, and the sentence that answers. */
    public static Answer answer(Query query, List<MemoryEntry> memory, float[] questionEmbedding) {
        List<Scored> ranked = new ArrayList<>();
        Set<String> keywords = keywords(query.question());
        for (MemoryEntry entry : memory) {
            if (!inSpan(query, entry)) {
                continue;
            }
            double score = score(keywords, questionEmbedding, entry);
            // A question limited to a span asks about that span: its windows are evidence however
            // loosely their captions match the wording ("what colour is this?" from 0:06 to 0:09).
            if (score >= MIN_SCORE || query.fromMs() != null || query.toMs() != null) {
                ranked.add(new Scored(entry, score));
            }
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(s -> s.entry().startMs()));
        List<Answer.Span> evidence = ranked.stream().limit(MAX_EVIDENCE)
                .map(s -> new Answer.Span(s.entry().startMs(), s.entry().endMs(), s.entry().text())).toList();
        return new Answer(query.queryId(), query.streamId(), query.question(), sentence(query, memory, evidence), evidence);
    }

    private record Scored(MemoryEntry entry, double score) {
    }

    /** Whether the window lies in the question's span (if it names one). */
    static boolean inSpan(Query query, MemoryEntry entry) {
        return (query.fromMs() == null || entry.endMs() > query.fromMs()) && (query.toMs() == null || entry.startMs() < query.toMs());
    }

    /** How well a window matches a question: sentence similarity plus the boost for its words read verbatim. */
    static double score(Set<String> keywords, float[] questionEmbedding, MemoryEntry entry) {
        return dot(questionEmbedding, entry.embedding()) + keywordBoost(keywords, entry.text());
    }

    private static String sentence(Query query, List<MemoryEntry> memory, List<Answer.Span> evidence) {
        if (memory.isEmpty()) {
            return "StreamLens has no captions for stream '" + query.streamId() + "': it has not seen that stream, "
                    + "or the stream's memory has expired.";
        }
        if (evidence.isEmpty()) {
            return "Nothing seen in stream '" + query.streamId() + "'" + range(query) + " matches the question.";
        }
        Answer.Span best = evidence.get(0);
        String more = evidence.size() > 1 ? " Also relevant: " + evidence.subList(1, evidence.size()).stream()
                .map(s -> Durations.clock(s.startMs()) + "–" + Durations.clock(s.endMs()))
                .collect(Collectors.joining(", ")) + "." : "";
        return "At " + Durations.clock(best.startMs()) + "–" + Durations.clock(best.endMs()) + ": "
                + best.text() + more;
    }

    private static String range(Query query) {
        if (query.fromMs() == null && query.toMs() == null) {
            return "";
        }
        return " between " + Durations.clock(query.fromMs() == null ? 0 : query.fromMs()) + " and "
                + (query.toMs() == null ? "the end" : Durations.clock(query.toMs()));
    }

    static Set<String> keywords(String question) {
        return java.util.Arrays.stream(question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty() && !STOP_WORDS.contains(w)).collect(Collectors.toSet());
    }

    /** Up to +0.5 when every keyword of the question appears in the window's text. */
    static double keywordBoost(Set<String> keywords, String text) {
        if (keywords.isEmpty()) {
            return 0;
        }
        Set<String> words = keywords(text);
        long hits = keywords.stream().filter(words::contains).count();
        return 0.5 * hits / keywords.size();
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
