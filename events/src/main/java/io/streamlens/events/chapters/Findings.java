package io.streamlens.events.chapters;

import io.streamlens.records.Caption;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.SpokenWord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stretch of windows found, in the order a reader wants it: on-screen text, the objects
 * and people in view (most distinct tracks first), and what was said; a short title and a few
 * sentences from it. Nothing is invented: an empty stretch is titled by its first caption.
 */
record Findings(List<String> text, Map<String, Integer> things, List<String> words, String firstCaption,
                Map<String, Integer> windowsWith, int windows) {
    static final int TITLE_CHARS = 60;
    static final int SPOKEN_WORDS = 40;

    static Findings of(List<Caption> windows) {
        List<String> text = new ArrayList<>();
        Map<String, Integer> things = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        Map<String, Integer> windowsWith = new LinkedHashMap<>();
        long wordsUntil = -1;
        for (Caption c : windows) {
            WindowContent.of(c).things().forEach(t -> windowsWith.merge(t, 1, Integer::sum));
            c.evidence().text().stream().filter(t -> !text.contains(t)).forEach(text::add);
            for (ObjectEvidence o : c.evidence().objects().objects()) {
                things.merge(o.label(), o.count(), Math::max);
            }
            if (c.evidence().people().people() > 0) {
                things.merge("person", c.evidence().people().people(), Math::max);
            }
            for (SpokenWord w : c.evidence().speech().words()) {
                if (w.startMs() > wordsUntil) { // overlapping windows hear the same word twice
                    words.add(w.text());
                    wordsUntil = w.startMs();
                }
            }
        }
        return new Findings(text, things, words, windows.isEmpty() ? "" : windows.get(0).text(), windowsWith, windows.size());
    }

    /**
     * The text and the things in view through most of the stretch: a window that spans the cut into
     * it still shows the end of the shot before, which must not name the chapter.
     */
    String title() {
        List<String> parts = new ArrayList<>();
        text.stream().filter(t -> mostly("text:" + t.toLowerCase(java.util.Locale.ROOT).trim())).findFirst()
                .ifPresent(t -> parts.add("\"" + t + "\""));
        things.entrySet().stream().filter(e -> mostly(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(2)
                .forEach(e -> parts.add(counted(e.getKey(), e.getValue())));
        if (parts.isEmpty() && !words.isEmpty()) {
            parts.add("\"" + String.join(" ", words.subList(0, Math.min(6, words.size()))) + "…\"");
        }
        String title = parts.isEmpty() ? firstSentence(firstCaption) : capitalised(String.join(", ", parts));
        return title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS - 1) + "…" : title;
    }

    private boolean mostly(String thing) {
        return windowsWith.getOrDefault(thing, 0) * 2 > windows;
    }

    String sentences() {
        List<String> sentences = new ArrayList<>();
        if (!things.isEmpty()) {
            sentences.add("Seen: " + String.join(", ", things.entrySet().stream().map(e -> counted(e.getKey(), e.getValue())).toList()) + ".");
        }
        if (!text.isEmpty()) {
            sentences.add("Text: " + String.join(", ", text.stream().limit(5).map(t -> "\"" + t + "\"").toList()) + ".");
        }
        if (!words.isEmpty()) {
            sentences.add("Said: \"" + String.join(" ", words.subList(0, Math.min(SPOKEN_WORDS, words.size())))
                    + (words.size() > SPOKEN_WORDS ? " …" : "") + "\".");
        }
        return sentences.isEmpty() ? firstCaption : String.join(" ", sentences);
    }

    static String counted(String label, int count) {
        if (count <= 1) {
            return label;
        }
        String plural = label.equals("person") ? "people" : label.matches(".*(s|sh|ch|x)") ? label + "es" : label + "s";
        return count + " " + plural;
    }

    private static String firstSentence(String caption) {
        int end = caption.indexOf(". ");
        return end > 0 ? caption.substring(0, end) : caption.endsWith(".") ? caption.substring(0, caption.length() - 1) : caption;
    }

    private static String capitalised(String s) {
        return s.isEmpty() || s.startsWith("\"") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
