package io.streamlens.deploy.view;

import java.util.Optional;

/**
 * One byte range of an HTTP {@code Range} header ({@code bytes=first-last}, {@code bytes=first-},
 * {@code bytes=-suffix}), resolved against a file's length; what a video element asks for when it
 * seeks. Several ranges in one header are not served (the whole-file answer is right for them).
 *
 * @param first first byte, inclusive
 * @param last last byte, inclusive
 */
public record ByteRange(long first, long last) {
    private static final int MAX_HEADER_CHARS = 200;

    public long length() {
        return last - first + 1;
    }

    /**
     * @return the range, or empty when the header is absent, names several ranges or does not parse
     *     (then the whole file is sent)
     * @throws IllegalArgumentException when the range lies outside the file (HTTP 416)
     */
    public static Optional<ByteRange> parse(String header, long fileLength) {
        if (header == null || header.length() > MAX_HEADER_CHARS || !header.startsWith("bytes=") || header.contains(",")) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String fromText = spec.substring(0, dash).trim();
        String toText = spec.substring(dash + 1).trim();
        Long from = number(fromText);
        Long to = number(toText);
        if ((from == null && !fromText.isEmpty()) || (to == null && !toText.isEmpty()) || (from == null && to == null)) {
            return Optional.empty();
        }
        if (from == null) {
            if (to == 0 || fileLength == 0) {
                throw new IllegalArgumentException("empty suffix range");
            }
            return Optional.of(new ByteRange(Math.max(0, fileLength - to), fileLength - 1));
        }
        if (from >= fileLength || (to != null && to < from)) {
            throw new IllegalArgumentException("range " + header + " outside a file of " + fileLength + " bytes");
        }
        return Optional.of(new ByteRange(from, to == null ? fileLength - 1 : Math.min(to, fileLength - 1)));
    }

    /** A non-negative decimal of at most 18 digits, or null for an empty or bad one. */
    private static Long number(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(s);
    }
}
