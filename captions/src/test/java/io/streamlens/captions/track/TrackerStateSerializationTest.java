package io.streamlens.captions.track;

import static io.streamlens.captions.track.Scenes.idOf;
import static io.streamlens.captions.track.Scenes.person;
import static io.streamlens.records.FlinkSerialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Detection;
import io.streamlens.records.EndedTrack;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.TrackedFrame;
import io.streamlens.records.TrackedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker's state and outputs live in RocksDB and cross operators as Flink POJOs, never through Kryo. */
class TrackerStateSerializationTest {

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
