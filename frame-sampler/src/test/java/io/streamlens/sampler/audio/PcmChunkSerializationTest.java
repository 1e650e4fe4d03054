package io.streamlens.sampler.audio;

import static io.streamlens.records.FlinkSerialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A stream's unfinished speech sits in RocksDB as a PcmChunk: it needs a real Flink serializer, never Kryo. */
class PcmChunkSerializationTest {
    @Test
    void pendingAudioIsSerializedWithoutKryo() throws Exception {
        PcmChunk chunk = new PcmChunk(2_000_000, new short[] {0, 300, -300, 32767});
        PcmChunk copy = roundTrip(PcmChunk.class, chunk);
        assertThat(copy.startUs()).isEqualTo(chunk.startUs());
        assertThat(copy.samples()).containsExactly(chunk.samples());
    }
}
