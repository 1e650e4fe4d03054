package io.streamlens.ingest.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.SegmentPart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SegmentPartDeserializerTest {

    static SegmentPart read(ConsumerRecord<byte[], byte[]> record) throws Exception {
        List<SegmentPart> out = new ArrayList<>();
        new SegmentPartDeserializer().deserialize(record, new Collector<>() {
            @Override
            public void collect(SegmentPart record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    static ConsumerRecord<byte[], byte[]> record(String... headers) {
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("video.segments", 0, 0,
                "cam".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2});
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    @Test
    void readsEveryContractHeader() throws Exception {
        SegmentPart part = read(record("stream-id", "cam", "seq", "4", "start-us", "8000000", "container", "mpegts",
                "last", "true", "part", "1", "parts", "2", "source", "cam.mp4"));
        assertThat(part).isEqualTo(new SegmentPart("cam", 4, 8_000_000, "mpegts", true, "cam.mp4", 1, 2, new byte[] {1, 2}, ""));
    }

    @Test
    void aRecordWithoutSeqOrContainerIsMalformedNotAnException() throws Exception {
        SegmentPart part = read(record("stream-id", "cam", "start-us", "0"));
        assertThat(part.isMalformed()).isTrue();
        assertThat(part.problem()).contains("missing header 'seq'").contains("missing header 'container'");
        assertThat(part.streamId()).isEqualTo("cam");
    }

    @Test
    void aNonNumericHeaderIsNamed() throws Exception {
        SegmentPart part = read(record("seq", "four", "start-us", "0", "container", "mpegts"));
        assertThat(part.problem()).contains("header 'seq' is not a number: 'four'");
    }
}
