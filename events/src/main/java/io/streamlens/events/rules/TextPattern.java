package io.streamlens.events.rules;

import java.util.Locale;

/**
 * A case-insensitive pattern for on-screen text: literal characters, {@code *} for any run of
 * characters and {@code ?} for any one, found anywhere in a line ({@code PLATFORM} matches
 * "Platform 12"). Deliberately not a regular expression: matching is the classic two-pointer
 * wildcard walk, at most pattern × line steps, so no rule can make the job backtrack for ever.
 */
public record TextPattern(String pattern) {
    public static final int MAX_PATTERN_CHARS = 200;
    /** Lines are read up to here; OCR lines are far shorter, and a rule cannot be made to scan more. */
    public static final int MAX_LINE_CHARS = 500;

    public TextPattern {
        if (pattern == null || pattern.isBlank()) {
            throw new BadRule("a text pattern must not be empty");
        }
        if (pattern.length() > MAX_PATTERN_CHARS) {
            throw new BadRule("a text pattern may have at most " + MAX_PATTERN_CHARS + " characters, got " + pattern.length());
        }
        if (pattern.chars().allMatch(c -> c == '*' || c == '?' || Character.isWhitespace(c))) {
            throw new BadRule("the text pattern '" + pattern + "' matches anything; name some characters to look for");
        }
    }

    public boolean matches(String line) {
        String text = line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) : line;
        return wildcard("*" + fold(pattern) + "*", fold(text));
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Whole-string wildcard match; on a mismatch after a star, retry one character further. */
    private static boolean wildcard(String p, String s) {
        int pi = 0;
        int si = 0;
        int star = -1;
        int resume = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
