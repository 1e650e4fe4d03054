package io.streamlens.captions.track;

import io.streamlens.records.Detection;
import io.streamlens.records.EndedTrack;
import io.streamlens.records.FrameDetections;
import io.streamlens.records.TrackedFrame;
import io.streamlens.records.TrackedObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Links detections across sampled frames into tracks with stable ids, after ByteTrack (Zhang et
 * al., "ByteTrack: Multi-Object Tracking by Associating Every Detection Box", ECCV 2022), adapted to
 * sparse, irregular sampling. A pure function: {@code step(state, frame)} returns the next state and
 * what the frame showed, so a Flink operator keeps the state in keyed state and a restore continues
 * with the same ids.
 *
 * <p>Per looked frame:
 * <ol>
 *   <li>Confirmed tracks unseen (while the detector looked) for longer than {@code lostTimeoutUs}
 *       end; tentative ones that old are dropped.</li>
 *   <li>Every track's box is predicted at the frame's time with a constant-velocity model of its
 *       centre (velocity per second, from the times of its sightings, so 1 fps, 0.2 fps and
 *       irregular sampling all work).</li>
 *   <li>Stage one: confirmed tracks, visible or lost, take high-score detections
 *       ({@code >= highScore}).</li>
 *   <li>Stage two: confirmed tracks still unmatched that were visible in the previous looked frame
 *       take low-score detections ({@code lowScore} up to {@code highScore}): an object half
 *       hidden or blurred keeps its track, while a low-score box alone never starts or revives
 *       one.</li>
 *   <li>Stage three: tentative tracks take the high-score detections left; a tentative track not
 *       matched here is dropped.</li>
 *   <li>High-score detections left start tracks, tentative unless their score reaches
 *       {@code confirmScore}. Each new track takes the next id, even a tentative one later
 *       dropped, so ids increase and are never reused but may skip.</li>
 * </ol>
 * Matching is only ever between the same label (see {@link Association} for the gates).
 *
 * <p>A frame the detector did not look at changes nothing but the clock: no track is missed in
 * it, and the time up to the next looked frame counts towards no track's timeout.
 */
public final class ObjectTracker {

    /**
     * Weight of the newest velocity measurement against the running estimate: 0.5 halves the
     * jitter of detector boxes while following a change of pace within two samples.
     */
    static final double VELOCITY_SMOOTHING = 0.5;

    private final TrackerOptions options;
    private final Association association;

    public ObjectTracker(TrackerOptions options) {
        this.options = options;
        this.association = new Association(options);
    }

    public TrackerOptions options() {
        return options;
    }

    /**
     * Takes one frame's detections.
     *
     * @throws IllegalArgumentException when the frame is not later than the last one: frames must
     *     come in time order, once each
     */
    public TrackerStep step(TrackerState state, FrameDetections frame) {
        long pts = frame.ptsUs();
        if (state.hasFrames() && pts <= state.lastFramePtsUs()) {
            throw new IllegalArgumentException("frames must come in time order: got " + pts + " us after "
                    + state.lastFramePtsUs() + " us");
        }
        if (!frame.looked()) {
            return new TrackerStep(new TrackerState(state.nextId(), pts, false, state.tracks()), TrackedFrame.notLooked(pts));
        }
        long sinceLastFrame = state.hasFrames() ? pts - state.lastFramePtsUs() : 0;

        List<Track> tracks = new ArrayList<>();
        List<EndedTrack> ended = new ArrayList<>();
        for (Track track : state.tracks()) {
            if (track.unseenUs() + sinceLastFrame <= options.lostTimeoutUs()) {
                tracks.add(track);
            } else if (track.confirmed()) {
                ended.add(new EndedTrack(track.id(), track.label(), track.firstSeenUs(), track.lastSeenUs()));
            }
        }
        List<Box> predicted = tracks.stream().map(t -> t.predictedAt(pts)).toList();
        List<Detection> detections = frame.detections();
        List<Integer> high = indexes(detections, d -> d.score() >= options.highScore());
        List<Integer> low = indexes(detections, d -> d.score() >= options.lowScore() && d.score() < options.highScore());

        int[] detectionOf = new int[tracks.size()];
        Arrays.fill(detectionOf, -1);
        List<Integer> unmatchedHigh = new ArrayList<>(high);

        List<Integer> confirmed = indexes(tracks, Track::confirmed);
        for (Association.Match m : association.match(tracks, predicted, confirmed, detections, unmatchedHigh)) {
            detectionOf[m.track()] = m.detection();
            unmatchedHigh.remove(Integer.valueOf(m.detection()));
        }
        List<Integer> visibleUnmatched = confirmed.stream()
                .filter(t -> detectionOf[t] < 0 && !tracks.get(t).lost()).toList();
        for (Association.Match m : association.match(tracks, predicted, visibleUnmatched, detections, low)) {
            detectionOf[m.track()] = m.detection();
        }
        List<Integer> tentative = indexes(tracks, t -> !t.confirmed());
        for (Association.Match m : association.match(tracks, predicted, tentative, detections, unmatchedHigh)) {
            detectionOf[m.track()] = m.detection();
            unmatchedHigh.remove(Integer.valueOf(m.detection()));
        }

        List<Track> next = new ArrayList<>();
        List<TrackedObject> seen = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            if (detectionOf[i] >= 0) {
                Track updated = seenAgain(track, detections.get(detectionOf[i]), pts);
                next.add(updated);
                seen.add(objectOf(updated));
            } else if (track.confirmed()) {
                next.add(new Track(track.id(), track.last(), true, track.arrived(), track.firstSeenUs(),
                        track.lastSeenUs(), track.unseenUs() + sinceLastFrame, track.sightings(), track.vx(), track.vy()));
            }
        }
        long nextId = state.nextId();
        for (int d : unmatchedHigh) {
            Detection detection = detections.get(d);
            Track born = new Track(nextId++, detection, detection.score() >= options.confirmScore(),
                    state.lastFrameLooked(), pts, pts, 0, 1, 0, 0);
            next.add(born);
            seen.add(objectOf(born));
        }
        next.sort(Comparator.comparingLong(Track::id));
        seen.sort(Comparator.comparingLong(TrackedObject::trackId));
        return new TrackerStep(new TrackerState(nextId, pts, true, next), new TrackedFrame(pts, true, seen, ended));
    }

    private static Track seenAgain(Track track, Detection detection, long pts) {
        double seconds = (pts - track.lastSeenUs()) / 1e6;
        Box before = Box.of(track.last());
        Box now = Box.of(detection);
        double measuredX = (now.centreX() - before.centreX()) / seconds;
        double measuredY = (now.centreY() - before.centreY()) / seconds;
        boolean firstMeasurement = track.sightings() == 1;
        double vx = firstMeasurement ? measuredX : (1 - VELOCITY_SMOOTHING) * track.vx() + VELOCITY_SMOOTHING * measuredX;
        double vy = firstMeasurement ? measuredY : (1 - VELOCITY_SMOOTHING) * track.vy() + VELOCITY_SMOOTHING * measuredY;
        return new Track(track.id(), detection, true, track.arrived(), track.firstSeenUs(), pts, 0,
                track.sightings() + 1, vx, vy);
    }

    private static TrackedObject objectOf(Track track) {
        return new TrackedObject(track.id(), track.confirmed(), track.arrived(), track.firstSeenUs(), track.last());
    }

    private static <T> List<Integer> indexes(List<T> items, Predicate<T> keep) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (keep.test(items.get(i))) {
                result.add(i);
            }
        }
        return result;
    }
}
