package io.streamlens.captions.objects;

import java.util.Map;

/**
 * English nouns for the COCO labels a detector reports ({@code person}, {@code wine glass},
 * {@code tv} …): singular, plural, and with an article. Labels outside COCO-80 get the regular
 * English rules.
 *
 * <p>Three labels name things counted in units: a {@code skis} or {@code scissors} box holds a pair
 * ("a pair of skis", "two pairs of scissors") and a {@code broccoli} box a head of it.
 */
public final class CocoNouns {

    /** Display names that differ from the label. */
    private static final Map<String, String> SINGULAR = Map.of(
            "tv", "TV",
            "skis", "pair of skis",
            "scissors", "pair of scissors",
            "broccoli", "head of broccoli");

    /** Plurals the regular rules get wrong. */
    private static final Map<String, String> PLURAL = Map.of(
            "person", "people",
            "mouse", "mice",
            "knife", "knives",
            "sheep", "sheep",
            "tv", "TVs",
            "skis", "pairs of skis",
            "scissors", "pairs of scissors",
            "broccoli", "heads of broccoli");

    private CocoNouns() {
    }

    /** "person", "TV", "pair of skis". */
    public static String singular(String label) {
        return SINGULAR.getOrDefault(label, label);
    }

    /** "people", "buses", "wine glasses", "knives", "sheep", "pairs of skis". */
    public static String plural(String label) {
        String irregular = PLURAL.get(label);
        return irregular != null ? irregular : regularPlural(label);
    }

    /** "a car", "an apple", "an umbrella", "a hair drier", "a TV", "a pair of skis". */
    public static String withArticle(String label) {
        String noun = singular(label);
        return (takesAn(noun) ? "an " : "a ") + noun;
    }

    /** English's regular plural of a noun phrase's last word. */
    static String regularPlural(String noun) {
        String lower = noun.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
                || lower.endsWith("sh")) {
            return noun + "es";
        }
        if (lower.length() > 1 && lower.endsWith("y") && !isVowel(lower.charAt(lower.length() - 2))) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    /** By sound, not letter: "an umbrella" but "a unicycle", "a one-way sign"; "an hour". */
    private static boolean takesAn(String noun) {
        String lower = noun.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("uni") || lower.startsWith("use") || lower.startsWith("usu") || lower.startsWith("eu")
                || lower.startsWith("one")) {
            return false;
        }
        if (lower.startsWith("hour") || lower.startsWith("honest") || lower.startsWith("heir")) {
            return true;
        }
        return !lower.isEmpty() && isVowel(lower.charAt(0));
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
