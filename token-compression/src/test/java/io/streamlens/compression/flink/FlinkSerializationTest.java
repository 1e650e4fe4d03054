package io.streamlens.compression.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.compression.CompressionChain;
import io.streamlens.compression.TokenGrid;
import io.streamlens.compression.TokenWindow;
import io.streamlens.compression.VisualTokens;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The records crossing operator boundaries go through Flink's POJO serializer, never Kryo. */
class FlinkSerializationTest {

    private static final TokenWindow WINDOW = new TokenWindow("cam-1", 4000, 8000, List.of(
            new TokenGrid(4_000_000, 1.0, 2, 3, 2, new float[] {1, 0, 0, 1, 1, 1, 2, 0, 0, 2, 2, 2}),
            new TokenGrid(4_500_000, 0.2, 2, 3, 2, new float[] {1, 0, 0, 1, 1, 1, 2, 0, 0, 2, -2, 2})));

    private static final VisualTokens TOKENS = CompressionChain.parse("temporal:0.9").compress(WINDOW);

    /** Disabling generic types makes any field that would need Kryo fail at serializer creation. */
    private static <T> TypeSerializer<T> serializerWithoutKryo(TypeInformation<T> type) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return type.createSerializer(config);
    }

    private static <T> T roundTrip(T value, TypeSerializer<T> serializer) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void visualTokensAreAPojoNotAGenericType() {
        assertThat(TypeInformation.of(VisualTokens.class)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void visualTokensSurviveASerializerRoundTrip() throws Exception {
        assertThat(TOKENS.keptTokens()).isEqualTo(7);

        VisualTokens copy = roundTrip(TOKENS, serializerWithoutKryo(TypeInformation.of(VisualTokens.class)));

        assertThat(copy).isEqualTo(TOKENS).isNotSameAs(TOKENS);
        assertThat(copy.values()).containsExactly(TOKENS.values());
    }

    @Test
    void tokenWindowsAreAPojoWithTheirFramesSerializedAsPojosToo() throws Exception {
        assertThat(TypeInformation.of(TokenWindow.class)).isInstanceOf(PojoTypeInfo.class);

        TokenWindow copy = roundTrip(WINDOW, serializerWithoutKryo(TypeInformation.of(TokenWindow.class)));

        assertThat(copy).isEqualTo(WINDOW);
    }
}
