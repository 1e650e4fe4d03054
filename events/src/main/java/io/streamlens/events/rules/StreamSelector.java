package io.streamlens.events.rules;

import java.util.List;

/**
 * Which streams a rule watches: {@code *} for all, exact stream ids, or prefixes written
 * {@code gate-*}.
 */
public record StreamSelector(List<String> patterns) {
    public static final StreamSelector ALL = new StreamSelector(List.of("*"));
    public static final int MAX_PATTERNS = 100;
    public static final int MAX_PATTERN_CHARS = 256;

    public StreamSelector {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new BadRule("'streams' must name at least one stream, a prefix like \"gate-*\", or \"*\"");
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw new BadRule("'streams' may list at most " + MAX_PATTERNS + " entries, got " + patterns.size());
        }
        for (String p : patterns) {
            if (p.isBlank() || p.length() > MAX_PATTERN_CHARS) {
                throw new BadRule("a stream in 'streams' must have 1 to " + MAX_PATTERN_CHARS + " characters");
            }
            if (p.indexOf('*') >= 0 && p.indexOf('*') != p.length() - 1) {
                throw new BadRule("'" + p + "': a '*' may only end a stream prefix (\"gate-*\")");
            }
        }
    }

    public boolean selects(String streamId) {
        for (String p : patterns) {
            if (p.endsWith("*") ? streamId.startsWith(p.substring(0, p.length() - 1)) : streamId.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
