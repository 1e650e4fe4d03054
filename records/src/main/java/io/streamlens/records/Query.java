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
 */
public record Query(String queryId, String streamId, String question, Long fromMs, Long toMs,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {
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
