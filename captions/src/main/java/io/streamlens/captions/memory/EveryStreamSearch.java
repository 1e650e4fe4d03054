package io.streamlens.captions.memory;

import io.streamlens.captions.objects.ObjectQuestion;
import io.streamlens.records.Answer;
import io.streamlens.records.CocoLabels;
import io.streamlens.records.Durations;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.PartialAnswer.Hit;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A question about every stream: each stream's windows scored as {@link StreamMemory} scores them
 * (or, for a question about an object, by whether its tracks showed that object), and the best few
 * kept across streams. One search runs on each subtask over the streams it holds; {@link #answer}
 * merges the subtasks' hits. Its cost is bounded: at most {@link #MAX_STREAMS} streams are read per
 * subtask and only {@link #MAX_HITS} windows are kept, whatever the job holds. Plain Java.
 */
public final class EveryStreamSearch {
    public static final int MAX_HITS = 5;
    public static final int MAX_STREAMS = 10_000;
    /** Best first: highest score, then earliest, then by stream, so that merging is deterministic. */
    private static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(Hit::streamId).thenComparingLong(Hit::startMs);

    private final Query query;
    private final float[] questionEmbedding;
    private final Set<String> keywords;
    private final Optional<ObjectQuestion> object;
    private final PriorityQueue<Hit> kept = new PriorityQueue<>(BEST_FIRST.reversed());
    private int streams;

    public EveryStreamSearch(Query query, float[] questionEmbedding) {
        this.query = query;
        this.questionEmbedding = questionEmbedding;
        this.keywords = StreamMemory.keywords(query.question());
        this.object = ObjectQuestion.parse(query.question(), CocoLabels.NAMES);
    }

    /** Whether another stream may still be read. */
    public boolean wantsMore() {
        return streams < MAX_STREAMS;
    }

    public void visit(String streamId, List<MemoryEntry> memory) {
        streams++;
        for (MemoryEntry entry : memory) {
            if (!StreamMemory.inSpan(query, entry)) {
                continue;
            }
            double score = object.isPresent() ? objectScore(entry, object.get().label())
                    : StreamMemory.score(keywords, questionEmbedding, entry);
            if (score >= StreamMemory.MIN_SCORE) {
                keep(new Hit(streamId, entry.startMs(), entry.endMs(), entry.text(), score));
            }
        }
    }

    /** A window whose tracks showed the object scores 1 and a little more for each distinct one; else 0. */
    private static double objectScore(MemoryEntry entry, String label) {
        return entry.objects().of(label).map(ObjectEvidence::count).map(n -> 1 + Math.min(n, 10) / 100.0).orElse(0.0);
    }

    private void keep(Hit hit) {
        kept.add(hit);
        if (kept.size() > MAX_HITS) {
            kept.poll();
        }
    }

    /** This search's best windows, best first. */
    public List<Hit> hits() {
        return best(kept);
    }

    /** The best {@link #MAX_HITS} of some hits, best first. */
    public static List<Hit> best(Collection<Hit> hits) {
        return hits.stream().sorted(BEST_FIRST).limit(MAX_HITS).toList();
    }

    /** The answer from every subtask's hits: the best windows of all, each naming its stream. */
    public static Answer answer(Query query, Collection<Hit> hits) {
        List<Hit> top = best(hits);
        List<Answer.Span> evidence = new ArrayList<>();
        top.forEach(h -> evidence.add(new Answer.Span(h.startMs(), h.endMs(), h.text(), h.streamId())));
        return new Answer(query.queryId(), null, query.question(), sentence(top), evidence);
    }

    private static String sentence(List<Hit> top) {
        if (top.isEmpty()) {
            return "Nothing seen in any stream matches the question.";
        }
        Hit best = top.get(0);
        String more = top.size() > 1 ? " Also: " + top.subList(1, top.size()).stream()
                .map(h -> h.streamId() + " " + Durations.clock(h.startMs()) + "–" + Durations.clock(h.endMs()))
                .collect(Collectors.joining(", ")) + "." : "";
        return "In " + best.streamId() + " at " + Durations.clock(best.startMs()) + "–" + Durations.clock(best.endMs())
                + ": " + best.text() + more;
    }
}
