package io.streamlens.captions.objects;

import io.streamlens.captions.track.LabelSummary;
import io.streamlens.captions.track.TrackSummary;
import io.streamlens.captions.track.WindowObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caption sentences about the objects a window saw, one per label, most numerous first, then who
 * came into and went out of view:
 * {@code Two people: one walking right, one staying still. A car parked. One person came into view.}
 *
 * <p>Only what the tracks support: counts are distinct tracks, a motion is named only when the
 * track's boxes showed it, and a window the detector never looked at gets no sentence at all
 * (never "nothing seen").
 */
public final class ObjectSentences {

    private ObjectSentences() {
    }

    /** The sentences, or "" when the detector did not look or saw nothing worth a sentence. */
    public static String describe(WindowObjects objects) {
        if (!objects.looked()) {
            return "";
        }
        List<String> sentences = new ArrayList<>();
        for (LabelSummary label : objects.labels()) {
            sentences.add(sentence(labelPhrase(label)));
        }
        List<String> entered = countsWhere(objects, TrackSummary::entered);
        if (!entered.isEmpty()) {
            sentences.add(sentence(Counts.list(entered) + " came into view"));
        }
        List<String> left = countsWhere(objects, TrackSummary::left);
        if (!left.isEmpty()) {
            sentences.add(sentence(Counts.list(left) + " went out of view"));
        }
        return String.join(" ", sentences);
    }

    /**
     * "one person walking left", "two people walking left", "a car parked", "three people",
     * "two people: one walking right, one staying still", "three people, one walking left" (when
     * the others' motion is unknown).
     */
    public static String labelPhrase(LabelSummary label) {
        String counted = Counts.of(label.count(), label.label());
        Map<String, Integer> byMotion = new LinkedHashMap<>();
        for (TrackSummary track : label.tracks()) {
            byMotion.merge(MotionWords.of(label.label(), track.motion()), 1, Integer::sum);
        }
        if (byMotion.size() == 1) {
            String words = byMotion.keySet().iterator().next();
            return words.isEmpty() ? counted : counted + " " + words;
        }
        List<String> known = new ArrayList<>();
        byMotion.forEach((words, n) -> {
            if (!words.isEmpty()) {
                known.add(Counts.number(n) + " " + words);
            }
        });
        return byMotion.containsKey("") ? counted + ", " + Counts.list(known) : counted + ": " + String.join(", ", known);
    }

    private static List<String> countsWhere(WindowObjects objects, java.util.function.Predicate<TrackSummary> which) {
        List<String> counts = new ArrayList<>();
        for (LabelSummary label : objects.labels()) {
            long n = label.tracks().stream().filter(which).count();
            if (n > 0) {
                counts.add(Counts.of((int) n, label.label()));
            }
        }
        return counts;
    }

    private static String sentence(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + ".";
    }
}
