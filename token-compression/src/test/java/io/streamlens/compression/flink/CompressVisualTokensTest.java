package io.streamlens.compression.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.compression.CompressionChain;
import io.streamlens.compression.TokenGrid;
import io.streamlens.compression.TokenWindow;
import io.streamlens.compression.VisualTokens;
import java.util.List;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class CompressVisualTokensTest {

    private static final CompressionChain CHAIN = CompressionChain.parse("pool:2,temporal:0.9,budget:3");

    /** Two frames of a 2x4 grid: the left block never changes, the right one does in frame 1. */
    private static TokenWindow window(String streamId, long startMs) {
        float[] first = {1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1};
        float[] second = {1, 0, 1, 0, -1, 0, -1, 0, 1, 0, 1, 0, -1, 0, -1, 0};
        return new TokenWindow(streamId, startMs, startMs + 4000, List.of(
                new TokenGrid(startMs * 1000, 1.0, 2, 4, 2, first),
                new TokenGrid(startMs * 1000 + 500_000, 0.5, 2, 4, 2, second)));
    }

    @Test
    void compressesEachWindowThroughTheFlinkOperator() throws Exception {
        try (OneInputStreamOperatorTestHarness<TokenWindow, VisualTokens> harness =
                     new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new CompressVisualTokens(CHAIN)))) {
            harness.open();

            harness.processElement(window("cam-1", 0), 0);
            harness.processElement(window("cam-2", 4000), 4000);

            List<VisualTokens> out = harness.extractOutputValues();
            assertThat(out).extracting(VisualTokens::streamId).containsExactly("cam-1", "cam-2");
            assertThat(out).extracting(VisualTokens::startMs).containsExactly(0L, 4000L);
            VisualTokens first = out.get(0);
            assertThat(first.rawTokens()).isEqualTo(16);
            assertThat(first.keptTokens()).as("2 pooled tokens in frame 0, the changed one in frame 1").isEqualTo(3);
            assertThat(first.frames()).containsExactly(0, 0, 1);
            assertThat(first.cols()).containsExactly(0, 2, 2);
            assertThat(first.cellSize()).isEqualTo(2);
            assertThat(first.sizes()).containsExactly(8, 4, 4);
        }
    }

    @Test
    void theFunctionSurvivesBeingShippedToATaskManager() throws Exception {
        CompressVisualTokens shipped = InstantiationUtil.clone(new CompressVisualTokens(CHAIN));

        assertThat(shipped.map(window("cam-1", 0))).isEqualTo(CHAIN.compress(window("cam-1", 0)));
    }
}
