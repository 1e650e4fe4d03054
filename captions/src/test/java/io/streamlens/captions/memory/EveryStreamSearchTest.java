package io.streamlens.captions.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Answer;
import io.streamlens.records.Detection;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.ObjectsSeen;
import io.streamlens.records.PartialAnswer.Hit;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EveryStreamSearchTest {
    private static final float[] NO_EMBEDDING = new float[0];

    static MemoryEntry window(long startMs, String text) {
        return new MemoryEntry(startMs, startMs + 4000, text, NO_EMBEDDING, 0, 0, null);
    }

    static MemoryEntry windowWith(long startMs, String label, int count) {
        ObjectEvidence seen = new ObjectEvidence(label, count, List.of(1L), List.of("still"), startMs, startMs + 1000, startMs,
                List.of(new Detection(label, 0.9f, 0.1f, 0.1f, 0.5f, 0.5f)));
        return new MemoryEntry(startMs, startMs + 4000, "A " + label + ".", NO_EMBEDDING, 0, 0, null, new ObjectsSeen(true, List.of(seen)));
    }

    static MemoryEntry lookedAndSawNothing(long startMs) {
        return new MemoryEntry(startMs, startMs + 4000, "Still picture.", NO_EMBEDDING, 0, 0, null, new ObjectsSeen(true, List.of()));
    }

    @Test
    void theStreamThatShowedTheWordsIsFoundAmongSeveral() {
        Query q = Query.everyStream("q", "where was gate 7 open?", null, null);
        EveryStreamSearch search = new EveryStreamSearch(q, NO_EMBEDDING);
        search.visit("lobby", List.of(window(0, "Text: \"WELCOME\"."), window(3000, "Text: \"EXIT\".")));
        search.visit("platform", List.of(window(0, "Text: \"PLATFORM 12\"."), window(3000, "Text: \"GATE 7 OPEN\".")));
        Answer answer = EveryStreamSearch.answer(q, search.hits());
        assertThat(answer.streamId()).isNull();
        assertThat(answer.evidence()).first().isEqualTo(new Answer.Span(3000, 7000, "Text: \"GATE 7 OPEN\".", "platform"));
        assertThat(answer.answer()).startsWith("In platform at 0:03–0:07");
    }

    @Test
    void aQuestionAboutAnObjectIsAnsweredFromTheTracksOfEveryStream() {
        Query q = Query.everyStream("q", "which camera saw a dog?", null, null);
        EveryStreamSearch search = new EveryStreamSearch(q, NO_EMBEDDING);
        search.visit("yard", List.of(lookedAndSawNothing(0), windowWith(3000, "dog", 1)));
        search.visit("street", List.of(windowWith(0, "car", 3), windowWith(6000, "dog", 2)));
        search.visit("hall", List.of(window(0, "A dog barks in the text of this caption.")));
        List<Hit> hits = search.hits();
        assertThat(hits).extracting(Hit::streamId).containsExactly("street", "yard");
        assertThat(hits.get(0).startMs()).isEqualTo(6000);
    }

    @Test
    void aSpanLimitsEveryStream() {
        Query q = Query.everyStream("q", "when was there a dog?", 5000L, null);
        EveryStreamSearch search = new EveryStreamSearch(q, NO_EMBEDDING);
        search.visit("yard", List.of(windowWith(0, "dog", 1), windowWith(6000, "dog", 1)));
        assertThat(search.hits()).extracting(Hit::startMs).containsExactly(6000L);
    }

    @Test
    void onlyTheBestFewAreKeptWhateverTheJobHolds() {
        Query q = Query.everyStream("q", "when was there a dog?", null, null);
        EveryStreamSearch search = new EveryStreamSearch(q, NO_EMBEDDING);
        for (int s = 0; s < 50; s++) {
            List<MemoryEntry> memory = new ArrayList<>();
            for (int w = 0; w < 20; w++) {
                memory.add(windowWith(w * 3000L, "dog", 1 + (s + w) % 7));
            }
            search.visit("cam" + s, memory);
        }
        assertThat(search.hits()).hasSize(EveryStreamSearch.MAX_HITS)
                .allSatisfy(h -> assertThat(h.score()).isEqualTo(1.07, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void aSubtaskReadsAtMostSoManyStreamsForOneQuestion() {
        EveryStreamSearch search = new EveryStreamSearch(Query.everyStream("q", "dog", null, null), NO_EMBEDDING);
        int visited = 0;
        while (search.wantsMore()) {
            search.visit("cam" + visited++, List.of());
        }
        assertThat(visited).isEqualTo(EveryStreamSearch.MAX_STREAMS);
    }

    @Test
    void partsMergeIntoTheBestOfAllBestFirst() {
        Query q = Query.everyStream("q", "dog", null, null);
        List<Hit> hits = List.of(new Hit("a", 0, 1, "x", 0.3), new Hit("b", 0, 1, "y", 0.9), new Hit("c", 5, 9, "z", 0.5));
        assertThat(EveryStreamSearch.answer(q, hits).evidence()).extracting(Answer.Span::streamId).containsExactly("b", "c", "a");
        assertThat(EveryStreamSearch.answer(q, List.of()).answer()).isEqualTo("Nothing seen in any stream matches the question.");
    }
}
