package io.streamlens.captions.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Caption;
import io.streamlens.records.Detection;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.ObjectsSeen;
import io.streamlens.records.Query;
import io.streamlens.records.QueryFilter;
import io.streamlens.records.SpokenWord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structured limits of a question, applied to the windows of a stream's memory. */
class QueryFilterTest {
    static MemoryEntry window(long startMs, String onScreen, String said, String... labels) {
        List<ObjectEvidence> objects = java.util.Arrays.stream(labels).map(l -> new ObjectEvidence(l, 1, List.of(1L), List.of("still"),
                startMs, startMs + 4000, startMs, List.of(new Detection(l, 0.8f, 0.1f, 0.1f, 0.3f, 0.3f)))).toList();
        Caption caption = new Caption("cam", Caption.idOf("cam", startMs), startMs, startMs + 4000, "caption", "cam.mp4",
                new Caption.Evidence(onScreen.isEmpty() ? List.of() : List.of(onScreen), List.of(), List.of(), 1,
                        new Caption.Speech(said.isEmpty() ? List.of() : List.of(new SpokenWord(said, startMs, startMs + 300, 0.9)), ""),
                        null, null).withObjects(new ObjectsSeen(true, objects)), null, "perception");
        return MemoryEntry.of(caption, new float[] {1}, 0, 0, null);
    }

    static Query asking(QueryFilter filter) {
        return new Query("q", "cam", "when?", null, null, null, filter);
    }

    @Test
    void eachLimitKeepsOnlyTheWindowsThatMeetItAndTogetherAllMustHold() {
        MemoryEntry gate = window(0, "GATE 7 OPEN", "", "person");
        MemoryEntry help = window(3000, "", "help", "dog");
        MemoryEntry both = window(6000, "Gate 7", "help", "dog", "person");

        assertThat(List.of(gate, help, both)).filteredOn(e -> StreamMemory.inSpan(asking(new QueryFilter("dog", null, null)), e))
                .containsExactly(help, both);
        assertThat(List.of(gate, help, both)).filteredOn(e -> StreamMemory.inSpan(asking(new QueryFilter(null, "gate 7", null)), e))
                .containsExactly(gate, both);
        assertThat(List.of(gate, help, both)).filteredOn(e -> StreamMemory.inSpan(asking(new QueryFilter(null, null, "HELP")), e))
                .containsExactly(help, both);
        assertThat(List.of(gate, help, both)).filteredOn(e -> StreamMemory.inSpan(asking(new QueryFilter("person", "gate", "help")), e))
                .containsExactly(both);
        assertThat(List.of(gate, help, both)).filteredOn(e -> StreamMemory.inSpan(asking(null), e)).hasSize(3);
    }

    @Test
    void aFilteredQuestionIsAnsweredFromTheWindowsThatPassIt() throws Exception {
        MemoryEntry gate = window(0, "GATE 7 OPEN", "", "person");
        MemoryEntry dog = window(3000, "", "", "dog");
        SpanAwareAnswerer answerer = new SpanAwareAnswerer(new SpanAwareAnswererTest.Others());
        var answer = answerer.answer(new Query("q", "cam", "what happened", null, null, null, new QueryFilter("dog", null, null)),
                List.of(gate, dog));
        assertThat(answer.evidence()).singleElement().satisfies(s -> assertThat(s.startMs()).isEqualTo(3000));
    }
}
