package io.streamlens.inference.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.analysis.CarryOverOptions;
import io.streamlens.inference.analysis.FrameAnalyser;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class AnalyseFramesTest {
    static final OnScreenText EXIT = new OnScreenText("EXIT", 0, 0, 10, 10, 0.9f);

    static SampledSegment segment(long seq) {
        SampledFrame frame = new SampledFrame("cam", seq, seq * 2_000_000, 0, 1, 0, 2, 2, new byte[12]);
        return new SampledSegment("cam", seq, seq * 2_000_000, (seq + 1) * 2_000_000, false, "cam.mp4", List.of(frame));
    }

    static OneInputStreamOperatorTestHarness<SampledSegment, AnalysedSegment> harness(FrameAnalyser.Factory analysers,
                                                                                      long timeoutMs) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(new AnalyseFrames(analysers, CarryOverOptions.OFF), timeoutMs, 4, AsyncDataStream.OutputMode.ORDERED),
                TypeInformation.of(SampledSegment.class).createSerializer(new SerializerConfigImpl()));
    }

    @Test
    void shouldEmitEachSegmentWithItsFramesFindingsInOrder() throws Exception {
        FrameAnalyser.Factory reading = () -> new FrameAnalyser(
                (stream, frame, image) -> CompletableFuture.supplyAsync(() -> List.of(EXIT)), null, null, null);
        try (var h = harness(reading, 60_000)) {
            h.open();
            h.processElement(segment(0), 0);
            h.processElement(segment(1), 0);
            h.endInput();

            List<AnalysedSegment> out = h.extractOutputValues();
            assertThat(out).extracting(AnalysedSegment::seq).containsExactly(0L, 1L);
            assertThat(out).allSatisfy(s -> assertThat(s.frames()).singleElement()
                    .satisfies(f -> assertThat(f.text()).containsExactly(EXIT)));
        }
    }

    @Test
    void shouldLetASegmentTheModelsDoNotFinishGoOnWithoutFindings() throws Exception {
        FrameAnalyser.Factory stuck = () -> new FrameAnalyser((stream, frame, image) -> new CompletableFuture<>(), null, null, null);
        try (var h = harness(stuck, 1_000)) {
            h.open();
            h.setProcessingTime(0);
            h.processElement(segment(0), 0);
            h.setProcessingTime(1_001);
            h.endInput();

            assertThat(h.extractOutputValues()).singleElement().satisfies(s -> {
                assertThat(s.frames()).singleElement().satisfies(f -> assertThat(f.text()).isEmpty());
                assertThat(s.failures()).containsExactly("the models did not finish with segment 0 in time; its frames carry no findings");
            });
        }
    }
}
