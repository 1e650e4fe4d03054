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
        assertNoGenericFields(info, type.getSimpleName());
        TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }

    /** Kryo must not hide inside a field either (a List or an interface-typed field would do that). */
    static void assertNoGenericFields(TypeInformation<?> info, String path) {
        assertThat(info).as(path).isNotInstanceOf(org.apache.flink.api.java.typeutils.GenericTypeInfo.class);
        if (info instanceof PojoTypeInfo<?> pojo) {
            for (int i = 0; i < pojo.getArity(); i++) {
                assertNoGenericFields(pojo.getPojoFieldAt(i).getTypeInformation(), path + "." + pojo.getPojoFieldAt(i).getField().getName());
            }
        } else if (info instanceof org.apache.flink.api.java.typeutils.ListTypeInfo<?> list) {
            assertNoGenericFields(list.getElementTypeInfo(), path + "[]");
        }
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
        SampledFrame frame = new SampledFrame("city", 2, 1_500_000, 4, 0.75, 0.02, 2, 1, new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(roundTrip(SampledFrame.class, frame)).isEqualTo(frame);
    }

    @Test
    void sampledSegmentCrossesOperatorsWithoutKryo() throws Exception {
        SampledFrame frame = new SampledFrame("city", 2, 1_500_000, 4, 0.75, 0.02, 1, 1, new byte[] {1, 2, 3});
        SampledSegment segment = new SampledSegment("city", 2, 1_000_000, 3_000_000, true, "city.mpg", java.util.List.of(frame, frame));
        assertThat(roundTrip(SampledSegment.class, segment)).isEqualTo(segment);
    }

    @Test
    void analysedSegmentCrossesOperatorsWithoutKryo() throws Exception {
        FrameAnalysis frame = new FrameAnalysis(1_000_000, 2, 0.5,
                java.util.List.of(new OnScreenText("GATE 7", 10, 20, 100, 30, 0.97f)), 1, 2, 2, new float[] {1, 2, 3, 4},
                new Looks(java.util.List.of("green", "white"), 0.8));
        AnalysedSegment segment = new AnalysedSegment("cam", 1, 0, 2_000_000, false, "cam.mp4", java.util.List.of(frame),
                java.util.List.of("vision encoder failed at 1000 ms: image-too-small"));
        assertThat(roundTrip(AnalysedSegment.class, segment)).isEqualTo(segment);
    }

    @Test
    void aDeadLetterKeepsItsIdThroughJsonSoReplaysCanBeDeduplicated() {
        DeadLetter letter = DeadLetter.of("cam", 4, "cam.mp4", DeadLetterReason.UNDECODABLE, "no frame");
        DeadLetter again = DeadLetter.of("cam", 4, "cam.mp4", DeadLetterReason.UNDECODABLE, "no frame");
        assertThat(again.deadLetterId()).isEqualTo(letter.deadLetterId()).startsWith("cam/4/undecodable/");
        assertThat(Json.read(Json.write(letter), DeadLetter.class)).isEqualTo(letter);
        assertThat(DeadLetter.of("cam", 4, "cam.mp4", DeadLetterReason.UNDECODABLE, "other").deadLetterId())
                .isNotEqualTo(letter.deadLetterId());
    }

    @Test
    void captionCrossesOperatorsWithoutKryoAndKeepsTheContractFields() throws Exception {
        Caption caption = new Caption("cam", Caption.idOf("cam", 3000), 3000, 7000, "Text: \"GATE 7\".", "cam.mp4",
                new Caption.Evidence(java.util.List.of("GATE 7"), java.util.List.of(1), java.util.List.of(3000L), 4),
                new Caption.TokenCounts(0, 0), "perception");
        assertThat(roundTrip(Caption.class, caption)).isEqualTo(caption);
        assertThat(Json.write(caption)).startsWith("{\"streamId\":\"cam\",\"captionId\":\"cam/3000\",\"startMs\":3000,\"endMs\":7000,")
                .contains("\"visualTokens\":{\"raw\":0,\"kept\":0}").contains("\"model\":\"perception\"");
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
                "{\"streamId\":\"city\",\"seq\":-1,\"source\":\"city.mpg\",\"reason\":\"not-a-video\",\"detail\":\"text file\","
                        + "\"deadLetterId\":\"city/-1/not-a-video/" + Integer.toHexString("text file".hashCode()) + "\"}");
        assertThat(Json.read(json, DeadLetter.class).reason()).isEqualTo("not-a-video");
    }
}
