package io.streamlens.captions;

import static io.streamlens.records.FlinkSerialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.memory.MemoryEntry;
import io.streamlens.captions.track.StreamTracks;
import io.streamlens.captions.track.TrackerOptions;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.AudioSpan;
import io.streamlens.records.BodyPoint;
import io.streamlens.records.Detection;
import io.streamlens.records.FaceExpression;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.Looks;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.ObjectsSeen;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.PeopleInView;
import io.streamlens.records.PersonPosture;
import io.streamlens.records.Region;
import io.streamlens.records.SpokenWord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What this module keeps in RocksDB has a real Flink serializer, never Kryo. */
class StateSerializationTest {

    @Test
    void aStreamsWindowStateIsSerializedWithoutKryo() throws Exception {
        Region face = new Region(10, 10, 40, 40);
        PeopleInView people = PeopleInView.seen(List.of(face), List.of(new Region(0, 0, 60, 120)))
                .withExpressions(List.of(new FaceExpression(face, Map.of("happy", 0.9f, "neutral", 0.1f), true)))
                .withPostures(List.of(new PersonPosture(new Region(0, 0, 60, 120), "standing", true,
                        List.of(new BodyPoint("nose", 0.1f, 0.05f, 0.8f)))));
        FrameAnalysis frame = new FrameAnalysis(1_000_000, 2, 0.5, List.of(new OnScreenText("GATE 7", 10, 20, 100, 30, 0.97f)),
                1, 2, 2, new float[] {1, 2, 3, 4}, new Looks(List.of("green"), 0.8), people, 0.01);
        StreamWindows.State state = new StreamWindows.State(3_000_000, 2, List.of(frame), List.of(1_000_000L),
                List.of(new SpokenWord("gate", 3_100, 3_400, 0.9)), "", 4_000_000, false, 3_900_000, false,
                List.of(new AudioSpan(2_000_000, 4_000_000, AudioSpan.SPEECH)));

        StreamWindows.State copy = roundTrip(StreamWindows.State.class, state);

        assertThat(copy.frames()).singleElement().satisfies(f -> assertThat(f.text()).containsExactlyElementsOf(frame.text()));
        assertThat(copy).usingRecursiveComparison().isEqualTo(state);
    }

    @Test
    void memoryEntriesAreSerializedWithoutKryo() throws Exception {
        MemoryEntry entry = new MemoryEntry(3000, 7000, "Text: \"GATE 7\".", new float[] {0.6f, 0.8f}, 2, 2, new float[] {1, 2, 3, 4});
        assertThat(roundTrip(MemoryEntry.class, entry)).isEqualTo(entry);
        Detection dog = new Detection("dog", 0.7f, 0.1f, 0.2f, 0.4f, 0.6f);
        MemoryEntry withObjects = new MemoryEntry(3000, 7000, "A dog.", new float[] {1}, 0, 0, null, new ObjectsSeen(true,
                List.of(new ObjectEvidence("dog", 1, List.of(4L), List.of("right"), 3100, 6900, 4000, List.of(dog)))));
        assertThat(roundTrip(MemoryEntry.class, withObjects)).isEqualTo(withObjects);
    }

    @Test
    void framesWithTheirObjectsAndTracksAndTheTrackerStateAreSerializedWithoutKryo() throws Exception {
        Detection dog = new Detection("dog", 0.7f, 0.1f, 0.2f, 0.4f, 0.6f);
        StreamTracks.Step step = new StreamTracks(TrackerOptions.DEFAULTS).track(new AnalysedSegment("cam", 0, 0, 2_000_000,
                false, "cam.mp4", List.of(new FrameAnalysis(0, 0, 0, List.of(), 0, 0, 0, null)
                        .withObjects(FrameDetections.seen(0, List.of(dog)))), List.of()), StreamTracks.State.initial());
        FrameAnalysis tracked = step.segment().frames().get(0);
        assertThat(tracked.tracks().objects()).singleElement().satisfies(o -> assertThat(o.trackId()).isEqualTo(1));
        assertThat(roundTrip(FrameAnalysis.class, tracked)).isEqualTo(tracked);
        assertThat(roundTrip(StreamTracks.State.class, step.next())).isEqualTo(step.next());
    }
}
