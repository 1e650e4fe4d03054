package io.streamlens.captions.track;

import static io.streamlens.captions.track.Scenes.at;
import static io.streamlens.captions.track.Scenes.box;
import static io.streamlens.captions.track.Scenes.idOf;
import static io.streamlens.captions.track.Scenes.ids;
import static io.streamlens.captions.track.Scenes.notLookedAt;
import static io.streamlens.captions.track.Scenes.person;
import static io.streamlens.captions.track.Scenes.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.records.Detection;
import io.streamlens.records.EndedTrack;
import io.streamlens.records.TrackedFrame;
import io.streamlens.records.TrackedObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectTrackerTest {

    @Test
    void aPersonWalkingLeftAcrossTheFrameAtOneFpsKeepsOneId() {
        Scenes scene = new Scenes();
        List<Long> ids = new ArrayList<>();
        // 0.2 of the frame per second: twice the person's width, so consecutive boxes never overlap
        for (int s = 0; s <= 4; s++) {
            ids.add(idOf(scene.see(s, person(0.85 - 0.2 * s)), "person"));
        }
        assertThat(ids).containsOnly(1L);
    }

    @Test
    void aFastMoverMatchesOnItsCentreWhenItsBoxesNeverOverlap() {
        Scenes scene = new Scenes();
        long first = idOf(scene.see(0, box("car", 0.9, 0.0, 0.5, 0.2, 0.1)), "car");
        // a car its own length further on at each sample
        assertThat(idOf(scene.see(1, box("car", 0.9, 0.2, 0.5, 0.2, 0.1)), "car")).isEqualTo(first);
        assertThat(idOf(scene.see(2, box("car", 0.9, 0.4, 0.5, 0.2, 0.1)), "car")).isEqualTo(first);
        // after two sightings the velocity is known: even twice as far per sample is predicted
        assertThat(idOf(scene.see(3, box("car", 0.9, 0.6, 0.5, 0.2, 0.1)), "car")).isEqualTo(first);
    }

    @Test
    void aBoxTooFarFromThePredictionStartsANewTrack() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1));
        scene.see(1, person(0.1));
        assertThat(idOf(scene.see(2, person(0.8)), "person")).isNotEqualTo(1L);
    }

    @Test
    void twoPeopleCrossingPathsKeepTheirIds() {
        Scenes scene = new Scenes();
        TrackedFrame first = scene.see(0, person(0.25), person(0.65));
        assertThat(ids(first)).containsExactly(1L, 2L);
        // one walks right and one left, 0.1 per second; they pass each other between 2 s and 3 s
        for (int s = 1; s <= 5; s++) {
            Detection walkingRight = person(0.25 + 0.1 * s);
            Detection walkingLeft = person(0.65 - 0.1 * s);
            TrackedFrame frame = scene.see(s, walkingLeft, walkingRight);
            assertThat(frame.objects()).as("at %d s", s).extracting(o -> o.trackId() + "@" + o.detection().x0())
                    .containsExactly("1@" + walkingRight.x0(), "2@" + walkingLeft.x0());
        }
    }

    @Test
    void anOcclusionShorterThanTheLostTimeoutKeepsTheId() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1));
        scene.see(1, person(0.15));
        scene.see(2);
        scene.see(3);
        // unseen for 3 s of looking, the timeout: it reappears where its pace puts it
        assertThat(idOf(scene.see(4, person(0.3)), "person")).isEqualTo(1L);
    }

    @Test
    void anOcclusionLongerThanTheLostTimeoutEndsTheTrackAndGivesANewId() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1));
        scene.see(1, person(0.15));
        scene.see(2);
        scene.see(3);
        scene.see(4);
        // unseen for 4 s of looking: as it reappears, the old track ends and a new one starts
        TrackedFrame back = scene.see(5, person(0.35));
        assertThat(idOf(back, "person")).isEqualTo(2L);
        assertThat(back.ended()).containsExactly(new EndedTrack(1, "person", 0, seconds(1)));
    }

    @Test
    void aTrackEndsOnceAndOnlyOnce() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1));
        scene.see(1, person(0.1));
        for (int s = 2; s <= 10; s++) {
            scene.see(s);
        }
        assertThat(scene.frames()).flatExtracting(TrackedFrame::ended).extracting(EndedTrack::trackId).containsExactly(1L);
        assertThat(scene.state().tracks()).isEmpty();
    }

    @Test
    void aLowScoreDetectionKeepsATrackAliveBeyondTheLostTimeout() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1, 0.9));
        scene.see(1, person(0.1, 0.9));
        // half hidden behind a pillar: the detector is unsure for longer than the lost timeout
        for (int s = 2; s <= 7; s++) {
            assertThat(idOf(scene.see(s, person(0.1, 0.35)), "person")).as("at %d s", s).isEqualTo(1L);
        }
        assertThat(idOf(scene.see(8, person(0.1, 0.9)), "person")).isEqualTo(1L);
        assertThat(scene.frames()).flatExtracting(TrackedFrame::ended).isEmpty();
    }

    @Test
    void aLowScoreDetectionAloneNeverStartsATrack() {
        Scenes scene = new Scenes();
        assertThat(scene.see(0, person(0.1, 0.35)).objects()).isEmpty();
        assertThat(scene.see(1, person(0.1, 0.35)).objects()).isEmpty();
        assertThat(scene.state().tracks()).isEmpty();
    }

    @Test
    void aLowScoreDetectionDoesNotReviveALostTrack() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1));
        scene.see(1, person(0.1));
        scene.see(2);
        assertThat(scene.see(3, person(0.1, 0.35)).objects()).isEmpty();
        assertThat(idOf(scene.see(4, person(0.1, 0.9)), "person")).isEqualTo(1L);
    }

    @Test
    void labelsNeverMix() {
        Scenes scene = new Scenes();
        Detection personThere = box("person", 0.9, 0.4, 0.4, 0.2, 0.4);
        Detection dogThere = box("dog", 0.9, 0.4, 0.4, 0.2, 0.4);
        scene.see(0, personThere);
        scene.see(1, personThere);
        TrackedFrame dogInstead = scene.see(2, dogThere);
        assertThat(idOf(dogInstead, "dog")).isEqualTo(2L);
        TrackedFrame both = scene.see(3, dogThere, personThere);
        assertThat(idOf(both, "person")).isEqualTo(1L);
        assertThat(idOf(both, "dog")).isEqualTo(2L);
    }

    @Test
    void aFrameTheDetectorDidNotLookAtDoesNotEndTracksEarly() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1));
        scene.see(1, person(0.1));
        for (int s = 2; s <= 10; s++) {
            assertThat(scene.see(notLookedAt(s)).ended()).isEmpty();
        }
        assertThat(idOf(scene.see(11, person(0.1)), "person")).isEqualTo(1L);
    }

    @Test
    void onlyTheTimeTheDetectorWasLookingCountsTowardsTheLostTimeout() {
        Scenes scene = new Scenes();
        scene.see(0, person(0.1));
        scene.see(1, person(0.1));
        scene.see(2);
        scene.see(notLookedAt(3));
        scene.see(notLookedAt(4));
        scene.see(5);
        scene.see(notLookedAt(6));
        // unseen while looking: 1-2, 4-5, 6-7, three seconds; the rest the detector was off
        assertThat(idOf(scene.see(7, person(0.1)), "person")).isEqualTo(1L);
    }

    @Test
    void aFrameTheDetectorDidNotLookAtDoesNotDropATentativeTrack() {
        Scenes scene = new Scenes(TrackerOptions.DEFAULTS.withConfirmScore(1.1f));
        scene.see(0, person(0.1));
        scene.see(notLookedAt(1));
        TrackedFrame again = scene.see(2, person(0.1));
        assertThat(again.objects()).extracting(TrackedObject::trackId, TrackedObject::confirmed).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, true));
    }

    @Test
    void aTentativeTrackNotSeenInTheNextLookedFrameIsDroppedAndItsIdNeverReused() {
        Scenes scene = new Scenes(TrackerOptions.DEFAULTS.withConfirmScore(1.1f));
        TrackedFrame first = scene.see(0, person(0.1, 0.6));
        assertThat(first.objects()).extracting(TrackedObject::confirmed).containsExactly(false);
        TrackedFrame empty = scene.see(1);
        assertThat(empty.ended()).as("a tentative track was never an object, so it does not end").isEmpty();
        assertThat(scene.state().tracks()).isEmpty();
        assertThat(ids(scene.see(2, person(0.1, 0.6)))).containsExactly(2L);
    }

    @Test
    void aTrackIsConfirmedByItsSecondSighting() {
        Scenes scene = new Scenes();
        assertThat(scene.see(0, person(0.1, 0.6)).objects()).extracting(TrackedObject::confirmed).containsExactly(false);
        assertThat(scene.see(1, person(0.12, 0.6)).objects()).extracting(TrackedObject::confirmed).containsExactly(true);
    }

    @Test
    void aVeryConfidentFirstSightingIsConfirmedAtOnce() {
        Scenes scene = new Scenes();
        assertThat(scene.see(0, person(0.1, 0.85)).objects()).extracting(TrackedObject::confirmed).containsExactly(true);
    }

    @Test
    void anObjectFirstSeenAfterALookedFrameArrivedAndOneThereFromTheStartDidNot() {
        Scenes scene = new Scenes();
        TrackedFrame start = scene.see(0, person(0.1));
        TrackedFrame later = scene.see(1, person(0.1), person(0.7));
        assertThat(later.objects()).extracting(TrackedObject::arrived).containsExactly(false, true);
        assertThat(start.objects()).extracting(TrackedObject::arrived).containsExactly(false);

        scene.see(notLookedAt(2));
        TrackedFrame afterABlindFrame = scene.see(3, person(0.1), person(0.7), person(0.4));
        assertThat(afterABlindFrame.objects()).extracting(TrackedObject::arrived).containsExactly(false, true, false);
    }

    @Test
    void framesMustComeInTimeOrder() {
        Scenes scene = new Scenes();
        scene.see(2, person(0.1));
        assertThatThrownBy(() -> scene.see(at(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
        assertThatThrownBy(() -> scene.see(at(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsKeepIncreasingAcrossTracks() {
        Scenes scene = new Scenes();
        // five visits, each longer apart than the lost timeout
        for (int visit = 0; visit < 5; visit++) {
            scene.see(5 * visit, person(0.1));
            scene.see(5 * visit + 1, person(0.1));
            scene.see(5 * visit + 2);
        }
        assertThat(scene.frames()).flatExtracting(TrackedFrame::objects).extracting(TrackedObject::trackId).isSorted()
                .containsOnly(1L, 2L, 3L, 4L, 5L);
    }
}
