package io.streamlens.captions.track;

import static io.streamlens.captions.track.Scenes.box;
import static io.streamlens.captions.track.Scenes.notLookedAt;
import static io.streamlens.captions.track.Scenes.person;
import static io.streamlens.captions.track.Scenes.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Detection;
import io.streamlens.records.TrackedFrame;
import io.streamlens.records.TrackedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowObjectsTest {

    private static WindowObjects window(Scenes scene, double from, double to) {
        return WindowObjects.of(seconds(from), seconds(to), scene.frames(), MotionOptions.DEFAULTS);
    }

    private static LabelSummary only(WindowObjects objects, String label) {
        return objects.label(label).orElseThrow(() -> new AssertionError("no " + label + " in " + objects));
    }

    private static Motion motionOfTheOne(WindowObjects objects, String label) {
        LabelSummary summary = only(objects, label);
        assertThat(summary.tracks()).hasSize(1);
        return summary.tracks().get(0).motion();
    }

    @Test
    void aPersonWalkingLeftAcrossTheFrameIsLeft() {
        Scenes scene = new Scenes();
        for (int s = 0; s <= 4; s++) {
            scene.see(s, person(0.85 - 0.2 * s));
        }
        assertThat(motionOfTheOne(window(scene, 0, 5), "person")).isEqualTo(Motion.LEFT);
    }

    @Test
    void aPersonWalkingRightIsRight() {
        Scenes scene = new Scenes();
        for (int s = 0; s <= 3; s++) {
            scene.see(s, person(0.1 + 0.1 * s));
        }
        assertThat(motionOfTheOne(window(scene, 0, 4), "person")).isEqualTo(Motion.RIGHT);
    }

    @Test
    void aParkedCarIsStillDespiteTheDetectorsJitter() {
        Scenes scene = new Scenes();
        double[] jitter = {0, 0.01, -0.01, 0.005, 0};
        for (int s = 0; s < jitter.length; s++) {
            scene.see(s, box("car", 0.9, 0.5 + jitter[s], 0.6, 0.3, 0.15));
        }
        assertThat(motionOfTheOne(window(scene, 0, 5), "car")).isEqualTo(Motion.STILL);
    }

    @Test
    void somethingInPlaceForLessThanTwoSecondsIsNotYetStill() {
        Scenes scene = new Scenes();
        scene.see(0, box("car", 0.9, 0.5, 0.6, 0.3, 0.15));
        scene.see(1, box("car", 0.9, 0.5, 0.6, 0.3, 0.15));
        assertThat(motionOfTheOne(window(scene, 0, 2), "car")).isEqualTo(Motion.UNKNOWN);
    }

    @Test
    void aBoxGrowingIsTowardsAndOneShrinkingIsAway() {
        Scenes coming = new Scenes();
        Scenes going = new Scenes();
        for (int s = 0; s <= 3; s++) {
            double side = 0.1 + 0.04 * s;
            coming.see(s, box("person", 0.9, 0.5 - side / 2, 0.5 - side, side, 2 * side));
            double shrinking = 0.22 - 0.04 * s;
            going.see(s, box("person", 0.9, 0.5 - shrinking / 2, 0.5 - shrinking, shrinking, 2 * shrinking));
        }
        assertThat(motionOfTheOne(window(coming, 0, 4), "person")).isEqualTo(Motion.TOWARDS);
        assertThat(motionOfTheOne(window(going, 0, 4), "person")).isEqualTo(Motion.AWAY);
    }

    @Test
    void somethingSeenOnceHasNoKnownMotion() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.4, 0.95));
        scene.see(1);
        assertThat(motionOfTheOne(window(scene, 0, 2), "person")).isEqualTo(Motion.UNKNOWN);
    }

    @Test
    void threePeoplePassingOneAtATimeAreThreeNotOne() {
        Scenes scene = new Scenes();
        for (int visitor = 0; visitor < 3; visitor++) {
            double start = 5 * visitor;
            for (int s = 0; s <= 3; s++) {
                scene.see(start + s, person(0.85 - 0.25 * s));
            }
            scene.see(start + 4);
        }
        LabelSummary people = only(window(scene, 0, 15), "person");
        assertThat(people.count()).isEqualTo(3);
        assertThat(people.mostAtOnce()).isEqualTo(1);
        assertThat(people.trackIds()).containsExactly(1L, 2L, 3L);
        assertThat(people.tracks()).extracting(TrackSummary::motion).containsOnly(Motion.LEFT);
        assertThat(people.firstSeenUs()).isEqualTo(0);
        assertThat(people.lastSeenUs()).isEqualTo(seconds(13));
    }

    @Test
    void aPersonWhoCameAndWentIsMarkedEnteredAndLeftInTheirWindows() {
        Scenes scene = new Scenes();
        scene.see(0, box("car", 0.9, 0.5, 0.6, 0.3, 0.15));
        for (int s = 1; s <= 12; s++) {
            Detection car = box("car", 0.9, 0.5, 0.6, 0.3, 0.15);
            if (s >= 5 && s <= 8) {
                scene.see(s, car, person(0.1 + 0.05 * s));
            } else {
                scene.see(s, car);
            }
        }
        TrackSummary visit = only(window(scene, 4, 8), "person").tracks().get(0);
        assertThat(visit.entered()).isTrue();
        assertThat(visit.left()).as("still in view at the window's end").isFalse();
        TrackSummary goes = only(window(scene, 8, 12), "person").tracks().get(0);
        assertThat(goes.entered()).isFalse();
        assertThat(goes.left()).as("its track ended at 12 s, four seconds after its last sighting").isTrue();
        TrackSummary car = only(window(scene, 0, 4), "car").tracks().get(0);
        assertThat(car.entered()).as("there from the start: it did not come into view").isFalse();
        assertThat(car.left()).isFalse();
    }

    @Test
    void aTrackFirstSeenInTheWindowsLastFrameCountsOnceALaterFrameConfirmsIt() {
        Scenes scene = new Scenes();
        scene.see(0);
        scene.see(1);
        scene.see(2, person(0.3, 0.6));
        List<TrackedFrame> upToTheWindowsEnd = scene.frames();
        scene.see(3, person(0.32, 0.6));
        assertThat(WindowObjects.of(0, seconds(3), upToTheWindowsEnd, MotionOptions.DEFAULTS).labels()).isEmpty();
        LabelSummary people = only(window(scene, 0, 3), "person");
        assertThat(people.count()).isEqualTo(1);
        assertThat(people.tracks().get(0).entered()).isTrue();
    }

    @Test
    void aTentativeTrackNeverConfirmedIsNotCounted() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.3, 0.6));
        scene.see(1);
        assertThat(window(scene, 0, 2).lookedAndSawNothing()).isTrue();
    }

    @Test
    void aWindowTheDetectorNeverLookedAtSaysNothingRatherThanNone() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.3));
        scene.see(notLookedAt(4));
        scene.see(notLookedAt(5));
        WindowObjects blind = window(scene, 4, 8);
        assertThat(blind.looked()).isFalse();
        assertThat(blind.lookedAndSawNothing()).isFalse();
    }

    @Test
    void theRepresentativeFrameShowsTheMostOfALabelAtOnce() {
        Scenes scene = new Scenes();
        scene.see(0, box("car", 0.9, 0.1, 0.6, 0.2, 0.1));
        scene.see(1, box("car", 0.9, 0.1, 0.6, 0.2, 0.1), box("car", 0.9, 0.6, 0.6, 0.2, 0.1));
        scene.see(2, box("car", 0.9, 0.6, 0.6, 0.2, 0.1));
        LabelSummary cars = only(window(scene, 0, 3), "car");
        assertThat(cars.representativePtsUs()).isEqualTo(seconds(1));
        assertThat(cars.representativeBoxes()).extracting(TrackedObject::trackId).containsExactly(1L, 2L);
        assertThat(cars.mostAtOnce()).isEqualTo(2);
    }

    @Test
    void labelsComeMostNumerousFirst() {
        Scenes scene = new Scenes();
        scene.see(0, box("car", 0.9, 0.1, 0.6, 0.2, 0.1), person(0.5), person(0.8));
        assertThat(window(scene, 0, 1).labels()).extracting(LabelSummary::label).containsExactly("person", "car");
    }

    @Test
    void aWindowSummaryIsAFlinkPojo() throws Exception {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1));
        scene.see(1, person(0.2));
        WindowObjects objects = window(scene, 0, 2);
        assertThat(io.streamlens.records.FlinkSerialization.roundTrip(WindowObjects.class, objects)).isEqualTo(objects);
    }
}
