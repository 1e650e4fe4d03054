package io.streamlens.events.rules;

/**
 * A rule change that has been checked, as broadcast to every subtask: the rule's JSON, or empty to
 * remove the rule. Text rather than a parsed {@link Rule}, so broadcast state and checkpoints hold
 * exactly what was published and a restored job reads it with its own parser.
 */
public record RuleUpdate(String ruleId, String json) {
    public RuleUpdate {
        json = json == null ? "" : json;
    }

    public boolean removal() {
        return json.isEmpty();
    }
}
