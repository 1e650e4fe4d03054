package io.streamlens.inference.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class VadStateSerializationTest {

    /** Through Flink's own serializer for the type, as RocksDB keyed state would store it. */
    static VadState roundTrip(VadState state) throws Exception {
        TypeInformation<VadState> info = TypeInformation.of(VadState.class);
        assertThat(info).as("VadState must be a POJO type, never a Kryo generic type").isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<VadState> pojo = (PojoTypeInfo<VadState>) info;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getPojoFieldAt(i).getTypeInformation()).as(pojo.getPojoFieldAt(i).getField().getName())
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
        TypeSerializer<VadState> serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(state, out);
        return serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }

    @Test
    void shouldKeepAStreamsVoiceStateWithoutKryo() throws Exception {
        float[] h = new float[SileroVad.STATE_FLOATS];
        float[] c = new float[SileroVad.STATE_FLOATS];
        h[3] = 0.25f;
        c[127] = -1.5f;
        VadState state = new VadState(true, 6_432_000, new short[] {1, -2, 3}, h, c, true, 5_900_000, VadState.NONE,
                5_700_000, new short[] {7, 8, 9, 10}, 201, 17);
        assertThat(roundTrip(state)).isEqualTo(state);
        assertThat(roundTrip(VadState.initial())).isEqualTo(VadState.initial());
    }
}
