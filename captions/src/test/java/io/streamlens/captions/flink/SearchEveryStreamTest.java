package io.streamlens.captions.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.memory.MemoryOptions;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.PartialAnswer;
import io.streamlens.records.Query;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Questions about every stream: the broadcast search over each subtask's streams, and the merge per question. */
class SearchEveryStreamTest {
    static CaptionedWindow caption(String stream, long start, String text) {
        return CaptionedWindow.textOnly(new Caption(stream, Caption.idOf(stream, start), start, start + 4000, text, stream + ".mp4",
                new Caption.Evidence(List.of(), List.of(), List.of(), 1), new Caption.TokenCounts(0, 0), "perception"));
    }

    static KeyedBroadcastOperatorTestHarness<String, CaptionedWindow, Query, PartialAnswer> search(boolean atEnd) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new SearchEveryStream(AnswerQueryTest.KeywordAnswerer::new, MemoryOptions.DEFAULT.withTtl(Duration.ofDays(1)), atEnd),
                CaptionedWindow::streamId, Types.STRING, SearchEveryStream.WAITING);
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, Query, PartialAnswer, Answer> merge(boolean atEnd) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new MergeAnswers(atEnd), Query::queryId,
                p -> p.query().queryId(), Types.STRING);
    }

    @Test
    void shouldSearchEveryStreamOfTheSubtaskAndAnswerOnceEveryPartIsIn() throws Exception {
        Query q = Query.everyStream("q", "where was gate 7 open?", null, null);
        try (var s = search(false); var m = merge(false)) {
            s.processElement(caption("lobby", 0, "Text: \"WELCOME\"."), 0);
            s.processElement(caption("platform", 3000, "Text: \"GATE 7 OPEN\"."), 0);
            s.processBroadcastElement(q, 0);
            List<PartialAnswer> parts = s.extractOutputValues();
            assertThat(parts).singleElement().satisfies(p -> {
                assertThat(p.parts()).isEqualTo(1);
                assertThat(p.hits()).first().satisfies(h -> assertThat(h.streamId()).isEqualTo("platform"));
            });
            m.processElement1(q, 0);
            assertThat(m.extractOutputValues()).isEmpty();
            m.processElement2(parts.get(0), 0);
            assertThat(m.extractOutputValues()).singleElement().satisfies(a -> {
                assertThat(a.queryId()).isEqualTo("q");
                assertThat(a.evidence()).first().isEqualTo(new Answer.Span(3000, 7000, "Text: \"GATE 7 OPEN\".", "platform"));
            });
            assertThat(m.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void shouldHoldQuestionsOfABoundedRunUntilEveryStreamHasEnded() throws Exception {
        Query q = Query.everyStream("q", "gate 7", null, null);
        try (var s = search(true); var m = merge(true)) {
            s.processBroadcastElement(q, 0);
            s.processElement(caption("platform", 3000, "Text: \"GATE 7 OPEN\"."), 0);
            s.processElement(caption("lobby", 0, "Text: \"GATE 7 IS THAT WAY\"."), 0);
            assertThat(s.extractOutputValues()).isEmpty();
            s.processWatermark(Watermark.MAX_WATERMARK);
            s.processBroadcastWatermark(Watermark.MAX_WATERMARK);
            List<PartialAnswer> parts = s.extractOutputValues();
            assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p.parts()).isZero());
            m.processElement1(q, 0);
            for (PartialAnswer p : parts) {
                m.processElement2(p, 0);
            }
            assertThat(m.extractOutputValues()).isEmpty();
            m.processBothWatermarks(Watermark.MAX_WATERMARK);
            assertThat(m.extractOutputValues()).singleElement()
                    .satisfies(a -> assertThat(a.evidence()).extracting(Answer.Span::streamId).containsExactlyInAnyOrder("platform", "lobby"));
            assertThat(m.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void shouldAnswerABadQuestionWithWhatIsWrongWithIt() throws Exception {
        Query empty = Query.everyStream("q", " ", null, null);
        try (var s = search(false); var m = merge(false)) {
            s.processElement(caption("lobby", 0, "Text: \"WELCOME\"."), 0);
            s.processBroadcastElement(empty, 0);
            m.processElement2(s.extractOutputValues().get(0), 0);
            assertThat(m.extractOutputValues()).singleElement().satisfies(a -> assertThat(a.answer()).isEqualTo("The question is empty."));
        }
    }

    @Test
    void aBoundedQuestionNoStreamMatchedIsStillAnswered() throws Exception {
        Query q = Query.everyStream("q", "zebra crossing", null, null);
        try (var m = merge(true)) {
            m.processElement1(q, 0);
            m.processBothWatermarks(Watermark.MAX_WATERMARK);
            assertThat(m.extractOutputValues()).singleElement()
                    .satisfies(a -> assertThat(a.answer()).isEqualTo("Nothing seen in any stream matches the question."));
        }
    }
}
