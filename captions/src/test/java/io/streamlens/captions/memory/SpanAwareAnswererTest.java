package io.streamlens.captions.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Answer;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpanAwareAnswererTest {
    /** Stands for the answerers behind: says which span it was asked about. */
    static final class Others implements QuestionAnswerer {
        Query asked;

        @Override
        public float[] embed(String text) {
            return new float[] {1};
        }

        @Override
        public Answer answer(Query query, List<MemoryEntry> memory) {
            asked = query;
            return new Answer(query.queryId(), query.streamId(), query.question(), "from the captions", List.of());
        }
    }

    static MemoryEntry window(long startMs, String text) {
        return new MemoryEntry(startMs, startMs + 4000, text, new float[] {1}, 0, 0, null);
    }

    private final Others others = new Others();
    private final SpanAwareAnswerer answerer = new SpanAwareAnswerer(others);

    @Test
    void theSpanAQuestionNamesInItsWordsIsRead() {
        assertThat(SpanQuestion.parse("What happened between 2:00 and 5:00?")).isEqualTo(new SpanQuestion(120_000L, 300_000L, true));
        assertThat(SpanQuestion.parse("was there a dog from 1:02:03 to 1:03:00")).isEqualTo(new SpanQuestion(3_723_000L, 3_780_000L, false));
        assertThat(SpanQuestion.parse("any cars between 90 s and 3 min?")).isEqualTo(new SpanQuestion(90_000L, 180_000L, false));
        assertThat(SpanQuestion.parse("Summarise between 5:00 and 2:00")).isEqualTo(new SpanQuestion(120_000L, 300_000L, true));
        assertThat(SpanQuestion.parse("what did the sign say")).isEqualTo(new SpanQuestion(null, null, false));
        assertThat(SpanQuestion.parse("between 12 and 14 people")).isEqualTo(new SpanQuestion(null, null, false));
    }

    @Test
    void whatHappenedTellsTheChangesOfCaptionInTheSpanInOrder() throws Exception {
        List<MemoryEntry> memory = List.of(window(0, "A gate."), window(3000, "A gate."), window(6000, "A truck arrived."),
                window(9000, "A truck arrived."), window(12_000, "Two people."), window(15_000, "Still picture."));
        Answer answer = answerer.answer(Query.of("q", "cam", "What happened between 0:05 and 0:14?"), memory);

        assertThat(answer.answer()).isEqualTo("What happened between 0:05 and 0:14: 0:03 A gate. 0:06 A truck arrived. 0:12 Two people.");
        assertThat(answer.evidence()).extracting(Answer.Span::startMs, Answer.Span::endMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3000L, 7000L), org.assertj.core.groups.Tuple.tuple(6000L, 13_000L),
                        org.assertj.core.groups.Tuple.tuple(12_000L, 16_000L));
        assertThat(others.asked).as("answered here").isNull();
    }

    @Test
    void aLongSpanIsToldInAtMostEightPartsFirstAndLastIncluded() throws Exception {
        List<MemoryEntry> memory = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            memory.add(window(i * 3000L, "Window " + i + "."));
        }
        Answer answer = answerer.answer(Query.of("q", "cam", "summarise"), memory);
        assertThat(answer.evidence()).hasSize(SpanAwareAnswerer.MAX_PARTS);
        assertThat(answer.evidence().get(0).text()).isEqualTo("Window 0.");
        assertThat(answer.evidence().get(SpanAwareAnswerer.MAX_PARTS - 1).text()).isEqualTo("Window 99.");
        assertThat(answerer.answer(Query.of("q", "cam", "what happened between 9:00 and 10:00"), memory).answer())
                .isEqualTo("Nothing was captioned between 9:00 and 10:00.");
    }

    @Test
    void aStreamWithNoMemoryIsLeftToTheOthersWhoSayWhy() throws Exception {
        assertThat(answerer.answer(Query.of("q", "nowhere", "What happened?"), List.of()).answer()).isEqualTo("from the captions");
    }

    @Test
    void otherQuestionsGoOnNarrowedToTheirSpanUnlessTheAskerGaveOne() throws Exception {
        answerer.answer(Query.of("q", "cam", "was there a dog between 1:00 and 2:00?"), List.of());
        assertThat(others.asked.fromMs()).isEqualTo(60_000L);
        assertThat(others.asked.toMs()).isEqualTo(120_000L);

        answerer.answer(new Query("q", "cam", "was there a dog between 1:00 and 2:00?", 5_000L, 9_000L, null), List.of());
        assertThat(others.asked.fromMs()).isEqualTo(5_000L);
    }

    @Test
    void anyQuestionTextIsReadWithoutFailing() throws Exception {
        Random random = new Random(14);
        String alphabet = "between and from to 0123456789:. smhwhat happened summarise";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder q = new StringBuilder();
            for (int n = random.nextInt(120); n > 0; n--) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Answer answer = answerer.answer(Query.of("q", "cam", q.toString()), List.of(window(0, "A gate.")));
            assertThat(answer.queryId()).isEqualTo("q");
        }
    }
}
