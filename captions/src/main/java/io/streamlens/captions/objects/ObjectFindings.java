package io.streamlens.captions.objects;

import io.streamlens.captions.track.LabelSummary;
import io.streamlens.captions.track.TrackSummary;
import io.streamlens.captions.track.WindowObjects;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.ObjectsSeen;
import io.streamlens.records.TrackedObject;
import java.util.Locale;

/** A window's tracks as the caption's evidence keeps them ({@code evidence.objects}). */
public final class ObjectFindings {
    private ObjectFindings() {
    }

    public static ObjectsSeen evidence(WindowObjects window) {
        if (!window.looked()) {
            return ObjectsSeen.NOT_LOOKED;
        }
        return new ObjectsSeen(true, window.labels().stream().filter(l -> l.count() > 0).map(ObjectFindings::of).toList());
    }

    private static ObjectEvidence of(LabelSummary label) {
        return new ObjectEvidence(label.label(), label.count(), label.trackIds(),
                label.tracks().stream().map(ObjectFindings::motion).toList(), label.firstSeenUs() / 1000,
                label.lastSeenUs() / 1000, label.representativePtsUs() / 1000,
                label.representativeBoxes().stream().map(TrackedObject::detection).toList());
    }

    private static String motion(TrackSummary track) {
        String motion = track.motion().name().toLowerCase(Locale.ROOT);
        return track.entered() ? motion + ", came into view" : track.left() ? motion + ", went out of view" : motion;
    }
}
