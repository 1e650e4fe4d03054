package io.streamlens.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Checks that a type crossing an operator or sitting in state has a real Flink serializer (a POJO
 * all the way down, never Kryo) and survives a round trip. Shared with the other modules' tests
 * through this module's test jar.
 */
public final class FlinkSerialization {
    private FlinkSerialization() {
    }

    /** Serializes and deserializes {@code value} with the serializer Flink would pick for {@code type}. */
    public static <T> T roundTrip(Class<T> type, T value) throws Exception {
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
    public static void assertNoGenericFields(TypeInformation<?> info, String path) {
        assertThat(info).as(path).isNotInstanceOf(org.apache.flink.api.java.typeutils.GenericTypeInfo.class);
        if (info instanceof PojoTypeInfo<?> pojo) {
            for (int i = 0; i < pojo.getArity(); i++) {
                assertNoGenericFields(pojo.getPojoFieldAt(i).getTypeInformation(), path + "." + pojo.getPojoFieldAt(i).getField().getName());
            }
        } else if (info instanceof org.apache.flink.api.java.typeutils.ListTypeInfo<?> list) {
            assertNoGenericFields(list.getElementTypeInfo(), path + "[]");
        }
    }
}
