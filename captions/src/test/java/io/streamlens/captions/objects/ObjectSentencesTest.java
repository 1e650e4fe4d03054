package io.streamlens.captions.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.track.LabelSummary;
import io.streamlens.captions.track.Motion;
import io.streamlens.captions.track.TrackSummary;
import io.streamlens.captions.track.WindowObjects;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectSentencesTest {

    private long nextId = 1;

    private TrackSummary track(String label, Motion motion) {
        return new TrackSummary(nextId++, label, 0, 2_000_000, 3, motion, false, false);
    }

    private TrackSummary track(String label, Motion motion, boolean entered, boolean left) {
        return new TrackSummary(nextId++, label, 0, 2_000_000, 3, motion, entered, left);
    }

    private static LabelSummary label(TrackSummary... tracks) {
        return new LabelSummary(tracks[0].label(), 0, 2_000_000, 1, 0, List.of(), List.of(tracks));
    }

    private static WindowObjects window(LabelSummary... labels) {
        return new WindowObjects(0, 4_000_000, true, List.of(labels));
    }

    @Test
    void oneTrackReadsAsItsCountAndMotion() {
        assertThat(ObjectSentences.labelPhrase(label(track("person", Motion.LEFT)))).isEqualTo("one person walking left");
        assertThat(ObjectSentences.labelPhrase(label(track("car", Motion.STILL)))).isEqualTo("a car parked");
        assertThat(ObjectSentences.labelPhrase(label(track("dog", Motion.STILL)))).isEqualTo("a dog staying still");
        assertThat(ObjectSentences.labelPhrase(label(track("bus", Motion.TOWARDS)))).isEqualTo("a bus heading towards the camera");
        assertThat(ObjectSentences.labelPhrase(label(track("person", Motion.AWAY)))).isEqualTo("one person walking away");
        assertThat(ObjectSentences.labelPhrase(label(track("horse", Motion.RIGHT)))).isEqualTo("a horse moving right");
    }

    @Test
    void anUnknownMotionIsNotMentioned() {
        assertThat(ObjectSentences.labelPhrase(label(track("person", Motion.UNKNOWN)))).isEqualTo("one person");
        assertThat(ObjectSentences.labelPhrase(label(track("umbrella", Motion.UNKNOWN)))).isEqualTo("an umbrella");
    }

    @Test
    void tracksMovingAlikeShareOnePhrase() {
        assertThat(ObjectSentences.labelPhrase(label(track("person", Motion.LEFT), track("person", Motion.LEFT))))
                .isEqualTo("two people walking left");
        assertThat(ObjectSentences.labelPhrase(label(track("sheep", Motion.UNKNOWN), track("sheep", Motion.UNKNOWN),
                track("sheep", Motion.UNKNOWN)))).isEqualTo("three sheep");
    }

    @Test
    void tracksMovingDifferentlyAreBrokenDownAfterAColon() {
        assertThat(ObjectSentences.labelPhrase(label(track("person", Motion.RIGHT), track("person", Motion.STILL))))
                .isEqualTo("two people: one walking right, one staying still");
        assertThat(ObjectSentences.labelPhrase(label(track("car", Motion.LEFT), track("car", Motion.STILL),
                track("car", Motion.LEFT)))).isEqualTo("three cars: two heading left, one parked");
    }

    @Test
    void whenSomeMotionsAreUnknownOnlyTheKnownOnesAreSaid() {
        assertThat(ObjectSentences.labelPhrase(label(track("person", Motion.LEFT), track("person", Motion.UNKNOWN),
                track("person", Motion.UNKNOWN)))).isEqualTo("three people, one walking left");
    }

    @Test
    void aWindowReadsAsOneSentencePerLabelThenComingsAndGoings() {
        WindowObjects objects = window(
                label(track("person", Motion.RIGHT, true, false), track("person", Motion.STILL)),
                label(track("car", Motion.STILL, false, true)),
                label(track("bicycle", Motion.LEFT, true, false)));
        assertThat(ObjectSentences.describe(objects)).isEqualTo("Two people: one walking right, one staying still. "
                + "A car parked. A bicycle heading left. One person and a bicycle came into view. A car went out of view.");
    }

    @Test
    void aWindowTheDetectorDidNotLookAtGetsNoSentence() {
        assertThat(ObjectSentences.describe(new WindowObjects(0, 4_000_000, false, List.of()))).isEmpty();
    }

    @Test
    void aWindowWhereTheDetectorSawNothingGetsNoSentenceEither() {
        assertThat(ObjectSentences.describe(new WindowObjects(0, 4_000_000, true, new ArrayList<>()))).isEmpty();
    }
}
