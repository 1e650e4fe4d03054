package io.streamlens.captions.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.memory.MemoryEntry;
import io.streamlens.captions.memory.MemoryOptions;
import io.streamlens.captions.memory.QuestionAnswerer;
import io.streamlens.captions.memory.StreamMemory;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Query;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class AnswerQueryTest {
    static final List<String> PLACES = List.of("harbour", "station", "museum", "bakery", "library", "stadium",
            "airport", "hospital", "theatre", "market", "garden", "bridge");

    static CaptionedWindow caption(int i) {
        long start = i * 3000L;
        String text = "Text: \"WELCOME TO THE " + PLACES.get(i % PLACES.size()).toUpperCase() + " " + i + "\".";
        return CaptionedWindow.textOnly(new Caption("cam", Caption.idOf("cam", start), start, start + 4000, text, "cam.mp4",
                new Caption.Evidence(List.of(), List.of(), List.of(), 1), new Caption.TokenCounts(0, 0), "perception"));
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, CaptionedWindow, Query, Answer> harness(int maxWindows, boolean atEnd)
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new AnswerQuery(KeywordAnswerer::new, MemoryOptions.DEFAULT.withWindows(maxWindows).withTtl(Duration.ofDays(1)), atEnd),
                CaptionedWindow::streamId, Query::streamId, Types.STRING);
    }

    @Test
    void shouldAnswerLiveQuestionsAtOnceFromTheMemorySoFar() throws Exception {
        try (var h = harness(100, false)) {
            h.processElement1(caption(0), 0);
            h.processElement1(caption(1), 0);
            h.processElement2(Query.of("q", "cam", "Which station is it?"), 0);
            assertThat(h.extractOutputValues()).singleElement()
                    .satisfies(a -> assertThat(a.evidence().get(0).text()).contains("STATION 1"));
        }
    }

    @Test
    void shouldKeepOnlyTheNewestWindowsSoMemoryStaysBounded() throws Exception {
        try (var h = harness(10, false)) {
            for (int i = 0; i < 40; i++) {
                h.processElement1(caption(i), 0);
            }
            h.processElement2(Query.of("old", "cam", "harbour 0"), 0);
            h.processElement2(Query.of("new", "cam", "welcome to the garden 34"), 0);
            List<Answer> answers = h.extractOutputValues();
            assertThat(answers.get(0).evidence()).isNotEmpty().allSatisfy(s -> assertThat(s.startMs()).isGreaterThanOrEqualTo(3000L * 25));
            assertThat(answers.get(1).evidence().get(0).startMs()).isEqualTo(34 * 3000L);
        }
    }

    @Test
    void shouldHoldQuestionsOfABoundedRunUntilTheEndOfInput() throws Exception {
        try (var h = harness(100, true)) {
            h.processElement2(Query.of("q", "cam", "Which museum?"), 0);
            h.processElement1(caption(2), 0);
            assertThat(h.extractOutputValues()).isEmpty();
            h.processBothWatermarks(Watermark.MAX_WATERMARK);
            assertThat(h.extractOutputValues()).singleElement()
                    .satisfies(a -> assertThat(a.evidence().get(0).text()).contains("MUSEUM 2"));
        }
    }

    /**
     * Answers from the words a question shares with the captions (the memory's keyword boost) and
     * no embedding: no model runs in this module, and the operator is under test, not the search.
     */
    static final class KeywordAnswerer implements QuestionAnswerer {
        @Override
        public float[] embed(String text) {
            return new float[] {0};
        }

        @Override
        public Answer answer(Query query, List<MemoryEntry> memory) {
            return StreamMemory.answer(query, memory, embed(query.question()));
        }
    }

    /** Reports what the memory holds instead of answering: the operator's bookkeeping is under test here. */
    static final class MemoryReport implements QuestionAnswerer {
        @Override
        public float[] embed(String text) {
            return new float[] {1};
        }

        @Override
        public Answer answer(Query query, List<MemoryEntry> memory) {
            long withTokens = memory.stream().filter(m -> m.count() > 0).count();
            long bytes = memory.stream().mapToLong(MemoryEntry::tokenBytes).sum();
            return new Answer(query.queryId(), query.streamId(), query.question(),
                    memory.size() + " windows, " + withTokens + " with tokens, " + bytes + " bytes", List.of());
        }
    }

    @Test
    void shouldDropTheOldestWindowsTokensToStayWithinTheByteBudget() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new AnswerQuery(MemoryReport::new, MemoryOptions.DEFAULT.withWindows(100).withTokenBytes(2_000), false),
                CaptionedWindow::streamId, Query::streamId, Types.STRING)) {
            for (int i = 0; i < 20; i++) {
                Caption c = caption(i).caption();
                h.processElement1(new CaptionedWindow(c, 10, 10, new float[100]), 0); // 400 bytes each
            }
            h.processElement2(Query.of("q", "cam", "how much?"), 0);
            // trimmed whenever a window took the tokens over 2 000 bytes, down to at most 1 500 (MemoryBudgetTest)
            assertThat(h.extractOutputValues().get(0).answer()).isEqualTo("20 windows, 5 with tokens, 2000 bytes");
        }
    }

    @Test
    void shouldRefuseOverlongQuestionsWithTheReason() throws Exception {
        try (var h = harness(100, false)) {
            h.processElement2(Query.of("q", "cam", "why ".repeat(25_000)), 0);
            assertThat(h.extractOutputValues()).singleElement()
                    .satisfies(a -> assertThat(a.answer()).contains("100000 characters long"));
        }
    }

    @Test
    void shouldForgetAStreamWhoseMemoryOutlivedItsTimeToLive() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new AnswerQuery(MemoryReport::new, MemoryOptions.DEFAULT.withWindows(100).withTtl(Duration.ofMinutes(10)), false),
                CaptionedWindow::streamId, Query::streamId, Types.STRING)) {
            h.setStateTtlProcessingTime(0);
            h.processElement1(caption(0), 0);
            h.processElement1(caption(1), 0);
            h.setStateTtlProcessingTime(Duration.ofMinutes(9).toMillis());
            h.processElement2(Query.of("before", "cam", "anything?"), 0);
            h.setStateTtlProcessingTime(Duration.ofMinutes(20).toMillis());
            h.processElement2(Query.of("after", "cam", "anything?"), 0);
            h.setProcessingTime(Duration.ofSeconds(31).toMillis()); // a question about an unknown stream waits 30 s for it

            List<Answer> answers = h.extractOutputValues();
            assertThat(answers).extracting(Answer::queryId).containsExactly("before", "after");
            assertThat(answers.get(0).answer()).startsWith("2 windows");
            assertThat(answers.get(1).answer()).startsWith("0 windows");
        }
    }

    /** A model that fails on everything it is given. */
    static final class FailingAnswerer implements QuestionAnswerer {
        @Override
        public float[] embed(String text) {
            throw new IllegalStateException("embedder out of memory");
        }

        @Override
        public Answer answer(Query query, List<MemoryEntry> memory) {
            throw new IllegalStateException("decoder out of memory");
        }
    }

    @Test
    void shouldAnswerFromTheCaptionsWordsAndReportTheFailureWhenTheModelFails() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new AnswerQuery(FailingAnswerer::new, MemoryOptions.DEFAULT, false),
                CaptionedWindow::streamId, Query::streamId, Types.STRING)) {
            h.processElement1(caption(0), 0);
            h.processElement1(caption(1), 0);
            h.processElement2(Query.of("q", "cam", "Which station is it?"), 0);

            assertThat(h.extractOutputValues()).singleElement()
                    .satisfies(a -> assertThat(a.evidence().get(0).text()).contains("STATION 1"));
            List<DeadLetter> letters = h.getSideOutput(AnswerQuery.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
            assertThat(letters).extracting(DeadLetter::reason).containsOnly("model-failure");
            assertThat(letters).extracting(DeadLetter::detail).containsExactly(
                    "caption cam/0 could not be embedded for questions: embedder out of memory; it is found by its words only",
                    "caption cam/3000 could not be embedded for questions: embedder out of memory; it is found by its words only",
                    "question q could not be answered by the model: decoder out of memory; "
                            + "it is answered from the words it shares with the captions");
        }
    }
}
