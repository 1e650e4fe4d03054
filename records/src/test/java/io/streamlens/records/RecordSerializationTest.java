package io.streamlens.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecordSerializationTest {

    static <T> T roundTrip(Class<T> type, T value) throws Exception {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).as(type.getSimpleName() + " must be a POJO type, never a Kryo generic type")
                .isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }

    @Test
    void videoSegmentCrossesOperatorsWithoutKryo() throws Exception {
        VideoSegment segment = new VideoSegment("city", 3, 6_000_000, "mpegts", true, "city.mpg", new byte[] {1, 2, 3});
        assertThat(roundTrip(VideoSegment.class, segment)).isEqualTo(segment);
    }

    @Test
    void segmentPartCrossesOperatorsWithoutKryo() throws Exception {
        SegmentPart part = new SegmentPart("city", 3, 6_000_000, "mpegts", false, "city.mpg", 1, 2, new byte[] {9}, "");
        assertThat(roundTrip(SegmentPart.class, part)).isEqualTo(part);
    }

    @Test
    void sampledFrameCrossesOperatorsWithoutKryo() throws Exception {
        SampledFrame frame = new SampledFrame("city", 2, 1_500_000, 4, 0.75, 2, 1, new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(roundTrip(SampledFrame.class, frame)).isEqualTo(frame);
    }

    @Test
    void deadLetterCrossesOperatorsWithoutKryo() throws Exception {
        DeadLetter letter = DeadLetter.of("city", 7, "city.mpg", DeadLetterReason.UNDECODABLE, "no frame");
        assertThat(roundTrip(DeadLetter.class, letter)).isEqualTo(letter);
    }

    @Test
    void deadLetterJsonUsesTheContractFieldNames() {
        String json = Json.write(DeadLetter.of("city", -1, "city.mpg", DeadLetterReason.NOT_A_VIDEO, "text file"));
        assertThat(json).isEqualTo(
                "{\"streamId\":\"city\",\"seq\":-1,\"source\":\"city.mpg\",\"reason\":\"not-a-video\",\"detail\":\"text file\"}");
        assertThat(Json.read(json, DeadLetter.class).reason()).isEqualTo("not-a-video");
    }
}
