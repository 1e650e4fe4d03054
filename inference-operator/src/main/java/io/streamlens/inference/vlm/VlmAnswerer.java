package io.streamlens.inference.vlm;

import io.streamlens.captions.PerceptionCaption;
import io.streamlens.captions.memory.MemoryEntry;
import io.streamlens.captions.memory.QuestionAnswerer;
import io.streamlens.captions.memory.StreamMemory;
import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import io.streamlens.inference.VisualTokens;
import io.streamlens.inference.perception.PerceptionEmbedder;
import io.streamlens.records.Answer;
import io.streamlens.records.Durations;
import io.streamlens.records.Query;
import java.util.List;
import java.util.Optional;

/**
 * The {@code vlm} answer: the windows most relevant to the question are found by their captions'
 * embeddings, then the language model looks at the best one's remembered visual tokens together
 * with the question. When no relevant window still has its tokens (they left the memory's byte
 * budget), the answer is the text answer.
 */
public final class VlmAnswerer implements QuestionAnswerer {
    private final PerceptionEmbedder embedder;
    private final PackHandle handle;
    private final VlmPack vlm;

    public VlmAnswerer(String pack, RuntimeOptions runtime) {
        this.embedder = new PerceptionEmbedder(runtime);
        this.handle = SharedSessions.acquire(pack, runtime);
        this.vlm = handle.vlm();
    }

    @Override
    public float[] embed(String text) {
        return embedder.embed(text);
    }

    @Override
    public Answer answer(Query query, List<MemoryEntry> memory) {
        Answer found = StreamMemory.answer(query, memory, embedder.embed(query.question()));
        // The model looks at the best-matching window that still has its tokens: one window's
        // tokens are what the model was made to read at once; more would mix unrelated moments.
        Optional<MemoryEntry> best = found.evidence().stream()
                .flatMap(span -> memory.stream().filter(m -> m.startMs() == span.startMs() && m.count() > 0).limit(1))
                .findFirst();
        if (best.isEmpty()) {
            return found;
        }
        MemoryEntry window = best.get();
        String text = vlm.generate(new VisualTokens(window.count(), window.dim(), window.tokens()),
                vlm.generationDefaults().withInstruction(query.question()), TokenListener.NONE).text().trim();
        String when = Durations.clock(window.startMs()) + "–" + Durations.clock(window.endMs());
        return new Answer(query.queryId(), query.streamId(), query.question(), text + " (seen at " + when + ")", found.evidence());
    }

    @Override
    public void close() {
        handle.close();
        embedder.close();
    }
}
