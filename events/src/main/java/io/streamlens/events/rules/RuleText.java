package io.streamlens.events.rules;

/**
 * A record of the rules topic (or one rule of a {@code --rules} file) as it arrived, not yet read.
 *
 * @param origin where it came from, for the dead letter of a bad one ({@code video.rules/0/12})
 * @param key the record's key (the rule id by convention), or empty
 * @param json the record's value; empty for a tombstone
 * @param problem why the bytes could not even be read as text (too large …), or empty
 */
public record RuleText(String origin, String key, String json, String problem) {
    public RuleText {
        origin = origin == null ? "" : origin;
        key = key == null ? "" : key;
        json = json == null ? "" : json;
        problem = problem == null ? "" : problem;
    }
}
