package io.streamlens.captions.track;

import static io.streamlens.captions.track.Scenes.idOf;
import static io.streamlens.captions.track.Scenes.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Detection;
import io.streamlens.records.EndedTrack;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.TrackedFrame;
import io.streamlens.records.TrackedObject;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The tracker's state and outputs live in RocksDB and cross operators as Flink POJOs, never through Kryo. */
class TrackerStateSerializationTest {

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
        assertThat(info).as(path).isNotInstanceOf(GenericTypeInfo.class);
        if (info instanceof PojoTypeInfo<?> pojo) {
            for (int i = 0; i < pojo.getArity(); i++) {
                assertNoGenericFields(pojo.getPojoFieldAt(i).getTypeInformation(),
                        path + "." + pojo.getPojoFieldAt(i).getField().getName());
            }
        } else if (info instanceof ListTypeInfo<?> list) {
            assertNoGenericFields(list.getElementTypeInfo(), path + "[]");
        }
    }

    @Test
    void trackerStateIsAFlinkPojoAndRoundTrips() throws Exception {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1), Scenes.box("car", 0.9, 0.5, 0.6, 0.3, 0.2));
        scene.see(1, person(0.2));
        TrackerState state = scene.state();
        assertThat(state.tracks()).extracting(Track::lost).containsExactly(false, true);
        assertThat(roundTrip(TrackerState.class, state)).isEqualTo(state);
        assertThat(roundTrip(TrackerState.class, TrackerState.EMPTY)).isEqualTo(TrackerState.EMPTY);
    }

    @Test
    void aRestoreFromTheSerializedStateMidTrackContinuesTheSameIds() throws Exception {
        Scenes before = new Scenes();
        before.see(0, person(0.1));
        before.see(1, person(0.3));
        before.see(2, person(0.5));

        Scenes after = new Scenes();
        after.restore(roundTrip(TrackerState.class, before.state()));
        // the restored velocity still predicts where the walker is, and the next newcomer gets the next id
        assertThat(idOf(after.see(3, person(0.7)), "person")).isEqualTo(1L);
        TrackedFrame withNewcomer = after.see(4, person(0.85), Scenes.box("dog", 0.9, 0.1, 0.7, 0.1, 0.1));
        assertThat(idOf(withNewcomer, "person")).isEqualTo(1L);
        assertThat(idOf(withNewcomer, "dog")).isEqualTo(2L);
    }

    @Test
    void trackerOutputsCrossOperatorsWithoutKryo() throws Exception {
        Detection detection = person(0.1);
        FrameDetections frame = FrameDetections.seen(1_000_000, List.of(detection));
        assertThat(roundTrip(FrameDetections.class, frame)).isEqualTo(frame);
        TrackedFrame tracked = new TrackedFrame(1_000_000, true, List.of(new TrackedObject(3, true, true, 0, detection)),
                List.of(new EndedTrack(2, "car", 0, 500_000)));
        assertThat(roundTrip(TrackedFrame.class, tracked)).isEqualTo(tracked);
        assertThat(roundTrip(TrackedFrame.class, TrackedFrame.notLooked(5))).isEqualTo(TrackedFrame.notLooked(5));
    }
}
