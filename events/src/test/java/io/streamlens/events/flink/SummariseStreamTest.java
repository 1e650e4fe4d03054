package io.streamlens.events.flink;

import static io.streamlens.events.Windows.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.Windows;
import io.streamlens.records.Caption;
import io.streamlens.records.Summary;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class SummariseStreamTest {
    static final Duration PERIOD = Duration.ofSeconds(12);
    static final Duration IDLE = Duration.ofMinutes(10);

    static KeyedOneInputStreamOperatorTestHarness<String, Caption, Summary> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SummariseStream(PERIOD, IDLE), Caption::streamId, Types.STRING);
    }

    @Test
    void shouldTellEachPeriodOfStreamTimeOnceItHasPassedAndTheRestAtTheEnd() throws Exception {
        try (var h = harness()) {
            for (int n = 0; n < 6; n++) { // windows at 0, 3, 6, 9 s, then 12 and 15 s
                h.processElement(window("cam", n, n < 4 ? Windows.text("PLATFORM 12") : Windows.objects("car", 2)), 0);
            }
            assertThat(h.extractOutputValues()).singleElement().satisfies(s -> {
                assertThat(s.kind()).isEqualTo(Summary.ROLLING);
                assertThat(s.startMs()).isZero();
                assertThat(s.endMs()).isEqualTo(12_000);
                assertThat(s.title()).isEqualTo("\"PLATFORM 12\"");
                assertThat(s.evidence()).hasSize(4);
            });
            h.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(h.extractOutputValues()).hasSize(2);
            assertThat(h.extractOutputValues().get(1)).extracting(Summary::startMs, Summary::endMs, Summary::title)
                    .containsExactly(12_000L, 19_000L, "2 cars");
            h.setProcessingTime(IDLE.toMillis() * 2);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
            assertThat(h.numProcessingTimeTimers()).isZero();
        }
    }

    @Test
    void shouldTellTheOpenPeriodOfAStreamThatWentSilent() throws Exception {
        try (var h = harness()) {
            h.processElement(window("cam", 0, Windows.said("hello")), 0);
            h.setProcessingTime(IDLE.toMillis() * 2);
            assertThat(h.extractOutputValues()).singleElement().extracting(Summary::text).isEqualTo("Said: \"hello\".");
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }
}
