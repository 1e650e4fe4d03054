package io.streamlens.records;

import java.util.List;

/**
 * What one subtask found for a question about every stream: its best windows across the streams it
 * holds, each scored, to be merged with the other subtasks' into one {@link Answer}.
 *
 * @param query the question
 * @param parts how many partial answers the question gets, one per subtask; 0 when they are only
 *     known to be complete at the end of a bounded input
 * @param hits the best windows, best first, at most a handful
 */
public record PartialAnswer(Query query, int parts, List<Hit> hits) {
    public PartialAnswer {
        hits = List.copyOf(hits);
    }

    /** A window of a stream and how well it matches the question (higher is better). */
    public record Hit(String streamId, long startMs, long endMs, String text, double score) {
    }
}
