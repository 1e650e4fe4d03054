package io.streamlens.records;

import java.util.List;

/**
 * One record of {@code video.answers}.
 *
 * @param evidence the time ranges the answer rests on, best first
 */
public record Answer(String queryId, String streamId, String question, String answer, List<Span> evidence) {

    public Answer {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * A window of the stream and what was found in it.
     *
     * @param streamId the window's stream, in answers to a question about every stream (else
     *     null, and left out of the JSON: the answer's {@code streamId} says it)
     */
    public record Span(long startMs, long endMs, String text,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       String streamId) {
        public Span(long startMs, long endMs, String text) {
            this(startMs, endMs, text, null);
        }
    }
}
