package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SamplerStateTest {
    @Test
    void stateWithThePreviousLumaIsKeptInFlinkStateWithoutKryo() throws Exception {
        TypeInformation<SamplerState> info = TypeInformation.of(SamplerState.class);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<SamplerState> serializer = info.createSerializer(new SerializerConfigImpl());
        SamplerState state = new SamplerState(true, 2, 3_000_000, 2_000_000, new float[] {0.5f, 0.5f},
                new float[] {1f, 0f}, new byte[] {1, 2, (byte) 255}, 0.125, 7);

        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(state, out);
        SamplerState back = serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));

        assertThat(back.previousLuma()).containsExactly(1, 2, (byte) 255);
        assertThat(back.motionSum()).isEqualTo(0.125);
        assertThat(back.motionFrames()).isEqualTo(7);
        assertThat(back.previousFrame()).containsExactly(0.5f, 0.5f);
        assertThat(back.sceneId()).isEqualTo(2);
    }
}
