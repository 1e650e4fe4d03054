package io.streamlens.captions.objects;

import io.streamlens.captions.track.Motion;
import java.util.Set;

/**
 * The words for how something moved: "walking left" for a person, "heading left" for a vehicle,
 * "moving left" for anything else. Only what a track's boxes show: sideways direction, growing or
 * shrinking, staying in place; nothing for {@link Motion#UNKNOWN}.
 */
public final class MotionWords {

    /** What drives on roads: it heads somewhere, and standing still it is parked. */
    private static final Set<String> ROAD_VEHICLES = Set.of("bicycle", "car", "motorcycle", "bus", "truck");

    private MotionWords() {
    }

    /** The participle phrase after the noun ("one person walking left"), or "" when unknown. */
    public static String of(String label, Motion motion) {
        boolean person = label.equals("person");
        boolean vehicle = ROAD_VEHICLES.contains(label);
        String going = person ? "walking" : vehicle ? "heading" : "moving";
        return switch (motion) {
            case LEFT -> going + " left";
            case RIGHT -> going + " right";
            case TOWARDS -> (person ? "walking" : vehicle ? "heading" : "coming") + " towards the camera";
            case AWAY -> going + " away";
            case MOVING -> "moving";
            case STILL -> vehicle ? "parked" : "staying still";
            case UNKNOWN -> "";
        };
    }
}
