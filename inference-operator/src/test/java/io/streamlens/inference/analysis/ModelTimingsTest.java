package io.streamlens.inference.analysis;

import static io.streamlens.inference.analysis.FrameAnalyserTest.frame;
import static io.streamlens.inference.analysis.FrameAnalyserTest.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.Detection;
import io.streamlens.records.OnScreenText;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModelTimingsTest {
    private final List<String> reported = new CopyOnWriteArrayList<>();

    @Test
    void everyModelThatRunsReportsItsTimeOncePerFrameWhenItAnswers() throws Exception {
        CompletableFuture<List<OnScreenText>> textAnswer = new CompletableFuture<>();
        Detection person = new Detection("person", 0.8f, 0.25f, 0.5f, 0.5f, 1f);
        FrameAnalyser analyser = new FrameAnalyser((stream, frame, image) -> textAnswer,
                (image, persons) -> CompletableFuture.completedFuture(List.of()),
                image -> CompletableFuture.completedFuture(List.of(person)), null)
                .timedBy((model, nanos) -> reported.add(model));

        CompletableFuture<AnalysedSegment> analysed = analyser.analyse(segment(false, frame(0, 1, 2, 3), frame(1000, 1, 2, 3)));
        assertThat(reported).as("the text reader has not answered yet").containsExactlyInAnyOrder("objects", "objects", "faces", "faces");

        textAnswer.complete(List.of());
        analysed.get(10, TimeUnit.SECONDS);
        assertThat(reported).containsExactlyInAnyOrder("objects", "objects", "faces", "faces", "text", "text");
    }

    @Test
    void aModelThatFailsStillReportsTheTimeItTook() throws Exception {
        FrameAnalyser analyser = new FrameAnalyser(null, null, null,
                image -> CompletableFuture.failedFuture(new IllegalStateException("no tokens")))
                .timedBy((model, nanos) -> reported.add(model));

        AnalysedSegment analysed = analyser.analyse(segment(false, frame(0, 1, 2, 3))).get(10, TimeUnit.SECONDS);

        assertThat(analysed.failures()).hasSize(1);
        assertThat(reported).containsExactly("vision-encoder");
    }

    @Test
    void theTimeReportedRunsFromTheCallToTheAnswer() {
        List<Long> nanos = new CopyOnWriteArrayList<>();
        ModelTimings timings = (model, took) -> nanos.add(took);
        CompletableFuture<String> answer = new CompletableFuture<>();

        CompletableFuture<String> timed = timings.time("objects", () -> answer);
        assertThat(nanos).isEmpty();
        answer.complete("found");

        assertThat(timed).isCompletedWithValue("found");
        assertThat(nanos).singleElement().satisfies(took -> assertThat(took).isNotNegative());
    }
}
