package io.streamlens.records;

import java.util.Locale;

/**
 * Structured limits of a question, beside its words: only windows where the object detector saw
 * {@code object} (a COCO label), where on-screen text contained {@code text}, or where someone
 * said {@code said} (both case-insensitive substrings). Null fields do not limit.
 */
public record QueryFilter(String object, String text, String said) {
    /** Longest text or words a filter may ask for. */
    public static final int MAX_CHARS = 200;

    public QueryFilter {
        object = blankToNull(object);
        text = blankToNull(text);
        said = blankToNull(said);
    }

    public boolean isEmpty() {
        return object == null && text == null && said == null;
    }

    /** Whether {@code haystack} holds {@code needle}, ignoring case (a null needle always does). */
    public static boolean holds(String haystack, String needle) {
        return needle == null || haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
