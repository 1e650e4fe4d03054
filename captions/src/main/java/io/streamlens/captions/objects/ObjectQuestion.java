package io.streamlens.captions.objects;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A question about a kind of object that the tracks can answer exactly: how many, when, or
 * whether. Recognised from plain words, never evaluated as anything else: the question is only
 * matched against the labels a stream's windows saw (in singular or plural) and a few everyday
 * names for them ({@code man}, {@code bike}, {@code puppy} …).
 */
public record ObjectQuestion(Intent intent, String label) {

    public enum Intent {
        /** "how many people walked by?": distinct tracks. */
        COUNT,
        /** "when did a dog appear?": the spans it was seen in. */
        WHEN,
        /** "was there a bicycle?": yes or no, with the spans. */
        WHETHER
    }

    /** Everyday words for COCO labels; the label's own singular and plural are always known. */
    private static final Map<String, String> OTHER_NAMES = Map.ofEntries(
            Map.entry("persons", "person"), Map.entry("man", "person"), Map.entry("men", "person"),
            Map.entry("woman", "person"), Map.entry("women", "person"), Map.entry("someone", "person"),
            Map.entry("somebody", "person"), Map.entry("anyone", "person"), Map.entry("anybody", "person"),
            Map.entry("pedestrian", "person"), Map.entry("pedestrians", "person"), Map.entry("child", "person"),
            Map.entry("children", "person"), Map.entry("kid", "person"), Map.entry("kids", "person"),
            Map.entry("bike", "bicycle"), Map.entry("bikes", "bicycle"), Map.entry("motorbike", "motorcycle"),
            Map.entry("motorbikes", "motorcycle"), Map.entry("plane", "airplane"), Map.entry("planes", "airplane"),
            Map.entry("puppy", "dog"), Map.entry("puppies", "dog"), Map.entry("kitten", "cat"), Map.entry("kittens", "cat"),
            Map.entry("sofa", "couch"), Map.entry("television", "tv"), Map.entry("phone", "cell phone"),
            Map.entry("phones", "cell phone"), Map.entry("lorry", "truck"), Map.entry("lorries", "truck"),
            Map.entry("automobile", "car"), Map.entry("ball", "sports ball"), Map.entry("birds", "bird"));
    private static final Pattern COUNT = Pattern.compile("\\bhow many\\b|\\bnumber of\\b|\\bcount\\b");
    private static final Pattern WHETHER = Pattern.compile(
            "^(was|were|is|are|did|do|does|has|have|any)\\b|\\bthere (a|an|any)\\b|\\bany\\b");

    /**
     * The object question in {@code question}, if it names one of {@code labels} (the labels the
     * stream's windows saw) or an everyday name for one.
     */
    public static Optional<ObjectQuestion> parse(String question, Collection<String> labels) {
        String text = " " + question.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll(" +", " ").trim() + " ";
        String label = null;
        int longest = 0;
        for (String candidate : labels) {
            for (String form : new String[] {candidate, CocoNouns.plural(candidate).toLowerCase(Locale.ROOT)}) {
                if (form.length() > longest && text.contains(" " + form + " ")) {
                    label = candidate;
                    longest = form.length();
                }
            }
        }
        if (label == null) {
            for (var name : OTHER_NAMES.entrySet()) {
                if (text.contains(" " + name.getKey() + " ")) {
                    label = name.getValue();
                    break;
                }
            }
        }
        if (label == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Intent intent = COUNT.matcher(trimmed).find() ? Intent.COUNT
                : trimmed.startsWith("when") || trimmed.startsWith("what time") ? Intent.WHEN
                : WHETHER.matcher(trimmed).find() ? Intent.WHETHER : Intent.WHEN;
        return Optional.of(new ObjectQuestion(intent, label));
    }
}
