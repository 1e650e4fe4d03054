package io.streamlens.captions.track;

import io.streamlens.records.Detection;
import java.util.List;

/** Reads a {@link Motion} from one track's sightings in a window. */
final class Movement {

    /** A track seen at a time. */
    record Sighting(long ptsUs, Detection detection) {
    }

    private Movement() {
    }

    /**
     * Compares the first and last sighting: the larger of the sideways displacement (against
     * {@code moveDistance}) and the change of size (against {@code depthScale}) decides, when it
     * passes its threshold; otherwise a track that kept every sighting near its mean centre for
     * {@code stillMinSpanUs} is still.
     *
     * @param sightings in time order
     */
    static Motion of(List<Sighting> sightings, MotionOptions options) {
        if (sightings.size() < 2) {
            return Motion.UNKNOWN;
        }
        Box first = Box.of(sightings.get(0).detection());
        Box last = Box.of(sightings.get(sightings.size() - 1).detection());
        double size = (first.size() + last.size()) / 2;
        double dx = (last.centreX() - first.centreX()) / size;
        double dy = (last.centreY() - first.centreY()) / size;
        double sideways = Math.hypot(dx, dy) / options.moveDistance();
        double depth = Math.log(Math.sqrt(last.area() / first.area())) / Math.log(options.depthScale());
        if (Math.max(sideways, Math.abs(depth)) >= 1) {
            if (Math.abs(depth) >= sideways) {
                return depth > 0 ? Motion.TOWARDS : Motion.AWAY;
            }
            if (Math.abs(dx) >= Math.abs(dy)) {
                return dx < 0 ? Motion.LEFT : Motion.RIGHT;
            }
            return Motion.MOVING;
        }
        long span = sightings.get(sightings.size() - 1).ptsUs() - sightings.get(0).ptsUs();
        if (span >= options.stillMinSpanUs() && stayedNearTheMiddle(sightings, size, options.stillDistance())) {
            return Motion.STILL;
        }
        return Motion.UNKNOWN;
    }

    private static boolean stayedNearTheMiddle(List<Sighting> sightings, double size, double stillDistance) {
        double meanX = sightings.stream().mapToDouble(s -> Box.of(s.detection()).centreX()).average().orElseThrow();
        double meanY = sightings.stream().mapToDouble(s -> Box.of(s.detection()).centreY()).average().orElseThrow();
        return sightings.stream().map(s -> Box.of(s.detection()))
                .allMatch(b -> Math.hypot(b.centreX() - meanX, b.centreY() - meanY) <= stillDistance * size);
    }
}
