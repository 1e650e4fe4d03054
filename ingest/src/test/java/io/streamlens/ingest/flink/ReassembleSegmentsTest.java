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
        assertThat(deadLetterReasons()).containsExactly("not-a-video");
        assertThat(segments()).hasSize(1);
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
