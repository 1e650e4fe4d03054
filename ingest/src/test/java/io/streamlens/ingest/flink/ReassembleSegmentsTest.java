package io.streamlens.ingest.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.DeadLetter;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.VideoSegment;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReassembleSegmentsTest {
    private KeyedOneInputStreamOperatorTestHarness<String, SegmentPart, VideoSegment> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ReassembleSegments(1_000), SegmentPart::streamId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static SegmentPart part(long seq, int part, int parts, boolean last, byte... bytes) {
        return new SegmentPart("cam", seq, seq * 2_000_000, "mpegts", last, "cam.mp4", part, parts, bytes, "");
    }

    List<VideoSegment> segments() {
        return harness.extractOutputValues();
    }

    List<String> deadLetterReasons() {
        var letters = harness.getSideOutput(ReassembleSegments.DEAD_LETTERS);
        return letters == null ? List.of() : letters.stream().map(StreamRecord::getValue).map(DeadLetter::reason).toList();
    }

    @Test
    void shouldPassWholeSegmentsThrough() throws Exception {
        harness.processElement(part(0, 0, 1, false, (byte) 1), 0);
        harness.processElement(part(1, 0, 1, false, (byte) 2), 0);
        assertThat(segments()).extracting(VideoSegment::seq).containsExactly(0L, 1L);
        assertThat(deadLetterReasons()).isEmpty();
    }

    @Test
    void shouldReassembleSplitSegmentsInPartOrderWhateverTheArrivalOrder() throws Exception {
        harness.processElement(part(0, 1, 3, false, (byte) 3, (byte) 4), 0);
        harness.processElement(part(0, 0, 3, false, (byte) 1, (byte) 2), 0);
        assertThat(segments()).isEmpty();
        harness.processElement(part(0, 2, 3, false, (byte) 5), 0);
        assertThat(segments()).singleElement()
                .satisfies(s -> assertThat(s.bytes()).containsExactly(1, 2, 3, 4, 5))
                .satisfies(s -> assertThat(s.startUs()).isZero());
    }

    @Test
    void shouldDeadLetterDuplicatesAndLateSegments() throws Exception {
        harness.processElement(part(0, 0, 1, false, (byte) 1), 0);
        harness.processElement(part(1, 0, 1, false, (byte) 2), 0);
        harness.processElement(part(1, 0, 1, false, (byte) 2), 0);
        harness.processElement(part(0, 0, 1, false, (byte) 1), 0);
        assertThat(segments()).hasSize(2);
        assertThat(deadLetterReasons()).containsExactly("duplicate", "out-of-order");
    }

    @Test
    void shouldDeadLetterASplitSegmentWhosePartsNeverAllArrived() throws Exception {
        harness.processElement(part(0, 0, 2, false, (byte) 1), 0);
        harness.processElement(part(1, 0, 1, false, (byte) 9), 0);
        assertThat(segments()).extracting(VideoSegment::seq).containsExactly(1L);
        assertThat(deadLetterReasons()).containsExactly("incomplete");
    }

    @Test
    void shouldRefuseAReassembledSegmentOverTheLimit() throws Exception {
        harness.processElement(part(0, 0, 2, false, new byte[600]), 0);
        harness.processElement(part(0, 1, 2, false, new byte[600]), 0);
        assertThat(segments()).isEmpty();
        assertThat(deadLetterReasons()).containsExactly("too-large");
    }

    @Test
    void shouldDeadLetterMalformedRecordsAndKeepGoing() throws Exception {
        harness.processElement(SegmentPart.malformed("cam", "", new byte[] {1}, "missing header 'seq'"), 0);
        harness.processElement(part(0, 0, 1, false, (byte) 1), 0);
        assertThat(deadLetterReasons()).containsExactly("malformed");
        assertThat(segments()).hasSize(1);
    }

    @Test
    void shouldRefuseContainersOutsideTheAllowListSoNoPlaylistIsEverOpened() throws Exception {
        for (String container : List.of("hls", "concat", "dash", "image2", "")) {
            harness.processElement(new SegmentPart("cam", 0, 0, container, false, "x", 0, 1, new byte[] {1}, ""), 0);
        }
        harness.processElement(new SegmentPart("cam", 0, 0, "MPEGTS", false, "x", 0, 1, new byte[] {1}, ""), 0);
        assertThat(deadLetterReasons()).containsExactly("unsupported-container", "unsupported-container",
                "unsupported-container", "unsupported-container", "unsupported-container");
        assertThat(segments()).singleElement().satisfies(s -> assertThat(s.container()).isEqualTo("mpegts"));
    }

    @Test
    void shouldRefuseASegmentWhoseFirstPartClaimsMoreThanTheLimitWithoutKeepingIt() throws Exception {
        harness.processElement(part(0, 0, 1_000_000, false, new byte[100]), 0);
        assertThat(deadLetterReasons()).containsExactly("too-large");
        assertThat(harness.numKeyedStateEntries()).as("only the last seq is kept").isEqualTo(1);
        harness.processElement(part(1, 0, 1, false, (byte) 1), 0);
        assertThat(segments()).extracting(VideoSegment::seq).containsExactly(1L);
    }

    @Test
    void shouldGiveUpAHalfReceivedSegmentAfterTheTimeoutAndClearItsState() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement(part(0, 0, 3, false, (byte) 1), 0);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        harness.setProcessingTime(ReassembleSegments.DEFAULT_PART_TIMEOUT.toMillis());
        assertThat(deadLetterReasons()).containsExactly("incomplete");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldRefuseASegmentWhoseTimeRunsBackwards() throws Exception {
        harness.processElement(part(3, 0, 1, false, (byte) 1), 0);
        harness.processElement(new SegmentPart("cam", 4, 1_000, "mpegts", false, "x", 0, 1, new byte[] {1}, ""), 0);
        harness.processElement(new SegmentPart("cam", 5, 9_000_000_000_000L, "mpegts", false, "x", 0, 1, new byte[] {1}, ""), 0);
        assertThat(deadLetterReasons()).containsExactly("out-of-order");
        assertThat(segments()).extracting(VideoSegment::seq).containsExactly(3L, 5L);
    }

    @Test
    void shouldClearAStreamsStateAfterItsLastSegment() throws Exception {
        harness.processElement(part(0, 0, 1, false, (byte) 1), 0);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processElement(part(1, 0, 2, true, (byte) 2), 0);
        harness.processElement(part(1, 1, 2, true, (byte) 3), 0);
        assertThat(segments()).extracting(VideoSegment::last).containsExactly(false, true);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
