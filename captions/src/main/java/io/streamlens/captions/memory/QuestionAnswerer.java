package io.streamlens.captions.memory;

import io.streamlens.records.Answer;
import io.streamlens.records.Query;
import java.io.Serializable;
import java.util.List;

/** Answers questions from a stream's memory; one per subtask, opened in {@code open()}. */
public interface QuestionAnswerer extends AutoCloseable {

    /** The sentence embedding windows are remembered by. */
    float[] embed(String text) throws Exception;

    Answer answer(Query query, List<MemoryEntry> memory) throws Exception;

    @Override
    default void close() throws Exception {
    }

    /** How an operator gets its answerer on the task manager. */
    @FunctionalInterface
    interface Factory extends Serializable {
        QuestionAnswerer open() throws Exception;
    }
}
