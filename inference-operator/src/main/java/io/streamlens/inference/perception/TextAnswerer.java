package io.streamlens.inference.perception;

import io.streamlens.captions.memory.MemoryEntry;
import io.streamlens.captions.memory.QuestionAnswerer;
import io.streamlens.captions.memory.StreamMemory;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.records.Answer;
import io.streamlens.records.Query;
import java.util.List;

/** The {@code perception} answer: the best-matching windows and what was read in them, with their times. */
public final class TextAnswerer implements QuestionAnswerer {
    private final PerceptionEmbedder embedder;

    public TextAnswerer(RuntimeOptions runtime) {
        this.embedder = new PerceptionEmbedder(runtime);
    }

    @Override
    public float[] embed(String text) {
        return embedder.embed(text);
    }

    @Override
    public Answer answer(Query query, List<MemoryEntry> memory) {
        return StreamMemory.answer(query, memory, embedder.embed(query.question()));
    }

    @Override
    public void close() {
        embedder.close();
    }
}
