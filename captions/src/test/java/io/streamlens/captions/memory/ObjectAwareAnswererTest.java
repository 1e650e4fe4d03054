package io.streamlens.captions.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Answer;
import io.streamlens.records.Detection;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.ObjectsSeen;
import io.streamlens.records.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectAwareAnswererTest {
    /** Stands for the pack's answerer: says it was asked. */
    static final class Others implements QuestionAnswerer {
        @Override
        public float[] embed(String text) {
            return new float[] {1};
        }

        @Override
        public Answer answer(Query query, List<MemoryEntry> memory) {
            return new Answer(query.queryId(), query.streamId(), query.question(), "from the captions", List.of());
        }
    }

    static MemoryEntry window(long startMs, ObjectsSeen objects) {
        return new MemoryEntry(startMs, startMs + 4000, "caption", new float[] {1}, 0, 0, null, objects);
    }

    static ObjectsSeen people(long startMs, long... ids) {
        List<Long> tracks = java.util.Arrays.stream(ids).boxed().toList();
        return new ObjectsSeen(true, List.of(new ObjectEvidence("person", tracks.size(), tracks,
                tracks.stream().map(t -> "right").toList(), startMs + 200, startMs + 3800, startMs + 1000,
                List.of(new Detection("person", 0.8f, 0.1f, 0.1f, 0.3f, 0.9f)))));
    }

    private final ObjectAwareAnswerer answerer = new ObjectAwareAnswerer(new Others());

    @Test
    void howManyPeopleWalkedByIsCountedFromDistinctTracksWithTheirTimes() throws Exception {
        List<MemoryEntry> memory = List.of(window(0, people(0, 1)), window(3000, people(3000, 1, 2)),
                window(6000, new ObjectsSeen(true, List.of())), window(9000, people(9000, 3)));
        Answer answer = answerer.answer(Query.of("q", "cam", "How many people walked by?"), memory);
        assertThat(answer.answer()).startsWith("Three people were seen");
        assertThat(answer.evidence()).extracting(Answer.Span::startMs).containsExactly(200L, 9200L);
    }

    @Test
    void aSpanOfTheQueryLimitsTheWindowsCounted() throws Exception {
        List<MemoryEntry> memory = List.of(window(0, people(0, 1)), window(9000, people(9000, 3)));
        Query late = new Query("q", "cam", "how many people?", 8000L, null, null);
        assertThat(answerer.answer(late, memory).answer()).startsWith("One person was seen");
    }

    @Test
    void otherQuestionsAndStreamsTheDetectorNeverSawGoToThePacksAnswerer() throws Exception {
        List<MemoryEntry> looked = List.of(window(0, people(0, 1)));
        assertThat(answerer.answer(Query.of("q", "cam", "What did the sign say?"), looked).answer())
                .isEqualTo("from the captions");
        List<MemoryEntry> notLooked = List.of(window(0, ObjectsSeen.NOT_LOOKED));
        assertThat(answerer.answer(Query.of("q", "cam", "Was there a dog?"), notLooked).answer())
                .isEqualTo("from the captions");
    }
}
