package io.streamlens.records;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record of {@code video.queries}: a question about a stream, or about every stream when
 * {@code streamId} is null, optionally limited to a span.
 *
 * @param fromMs only consider windows ending after this (null: from the start)
 * @param toMs only consider windows starting before this (null: to the end)
 * @param problem set by StreamLens when the record could not be read as a query (not part of the
 *     topic's contract; never written by producers)
 * @param filter structured limits (an object seen, text on screen, words said), or null
 */
public record Query(String queryId, String streamId, String question, Long fromMs, Long toMs,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String problem,
                    @JsonInclude(JsonInclude.Include.NON_NULL) QueryFilter filter) {
    public Query {
        filter = filter == null || filter.isEmpty() ? null : filter;
    }

    /** A question without structured limits. */
    public Query(String queryId, String streamId, String question, Long fromMs, Long toMs, String problem) {
        this(queryId, streamId, question, fromMs, toMs, problem, null);
    }

    /** The same question limited to a span. */
    public Query withSpan(Long from, Long to) {
        return new Query(queryId, streamId, question, from, to, problem, filter);
    }

    /** Longer questions are refused: no caption memory needs an essay to be searched. */
    public static final int MAX_QUESTION_CHARS = 2_000;

    /** A question about every stream the job holds ({@code streamId} null). */
    public static Query everyStream(String queryId, String question, Long fromMs, Long toMs) {
        return new Query(queryId, null, question, fromMs, toMs, null);
    }

    /** Whether the question is about every stream rather than one. */
    public boolean asksEveryStream() {
        return streamId == null;
    }

    public static Query of(String queryId, String streamId, String question) {
        return new Query(queryId, streamId, question, null, null, null);
    }

    public static Query unreadable(String queryId, String streamId, String problem) {
        return new Query(queryId, streamId, "", null, null, problem);
    }
}
