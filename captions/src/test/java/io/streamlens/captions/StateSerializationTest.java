package io.streamlens.captions;

import static io.streamlens.records.FlinkSerialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.memory.MemoryEntry;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.Looks;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.SpokenWord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What this module keeps in RocksDB has a real Flink serializer, never Kryo. */
class StateSerializationTest {

    @Test
    void aStreamsWindowStateIsSerializedWithoutKryo() throws Exception {
        FrameAnalysis frame = new FrameAnalysis(1_000_000, 2, 0.5, List.of(new OnScreenText("GATE 7", 10, 20, 100, 30, 0.97f)),
                1, 2, 2, new float[] {1, 2, 3, 4}, new Looks(List.of("green"), 0.8));
        StreamWindows.State state = new StreamWindows.State(3_000_000, 2, List.of(frame), List.of(1_000_000L),
                List.of(new SpokenWord("gate", 3_100, 3_400, 0.9)), "", 4_000_000, false, 3_900_000, false);

        StreamWindows.State copy = roundTrip(StreamWindows.State.class, state);

        assertThat(copy.frames()).singleElement().satisfies(f -> assertThat(f.text()).containsExactlyElementsOf(frame.text()));
        assertThat(copy).usingRecursiveComparison().isEqualTo(state);
    }

    @Test
    void memoryEntriesAreSerializedWithoutKryo() throws Exception {
        MemoryEntry entry = new MemoryEntry(3000, 7000, "Text: \"GATE 7\".", new float[] {0.6f, 0.8f}, 2, 2, new float[] {1, 2, 3, 4});
        assertThat(roundTrip(MemoryEntry.class, entry)).isEqualTo(entry);
    }
}
