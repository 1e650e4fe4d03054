package io.streamlens.inference.perception;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.memory.MemoryEntry;
import io.streamlens.captions.memory.StreamMemory;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.records.Answer;
import io.streamlens.records.Query;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamMemoryTest {
    static PerceptionEmbedder embedder;
    static List<MemoryEntry> memory;

    @BeforeAll
    static void remember() {
        embedder = new PerceptionEmbedder(RuntimeOptions.defaults());
        memory = List.of(
                entry(0, 4000, "New shot. Text: \"PLATFORM 12\", \"Departures\"."),
                entry(3000, 7000, "New shot at 0:04. Text: \"GATE 7 OPEN\"."),
                entry(6000, 10000, "New shot. Text: \"Welcome to the harbour museum\"."),
                entry(9000, 13000, "No text on screen."));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    static MemoryEntry entry(long start, long end, String text) {
        return new MemoryEntry(start, end, text, embedder.embed(text), 0, 0, null);
    }

    static Answer ask(String question, Long from, Long to) {
        Query q = new Query("q1", "cam", question, from, to, null);
        return StreamMemory.answer(q, memory, embedder.embed(question));
    }

    @Test
    void aQuestionAboutOnScreenTextFindsTheWindowThatShowedIt() {
        Answer answer = ask("When was gate 7 open?", null, null);
        assertThat(answer.evidence()).first().satisfies(s -> {
            assertThat(s.startMs()).isEqualTo(3000);
            assertThat(s.text()).contains("GATE 7 OPEN");
        });
        assertThat(answer.answer()).startsWith("At 0:03–0:07:");
    }

    @Test
    void aMeaningMatchNeedsNoSharedWords() {
        assertThat(ask("Which museum is this?", null, null).evidence()).first()
                .satisfies(s -> assertThat(s.startMs()).isEqualTo(6000));
    }

    @Test
    void theTimeRangeLimitsTheEvidence() {
        Answer answer = ask("When was gate 7 open?", 8000L, null);
        assertThat(answer.evidence()).noneMatch(s -> s.text().contains("GATE 7"));
    }

    @Test
    void anUnknownStreamIsAnsweredWithThatFact() {
        Query q = Query.of("q2", "nowhere", "What happened?");
        Answer answer = StreamMemory.answer(q, List.of(), embedder.embed("What happened?"));
        assertThat(answer.answer()).contains("no captions for stream 'nowhere'");
        assertThat(answer.evidence()).isEmpty();
    }
}
