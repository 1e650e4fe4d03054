package io.streamlens.events.rules;

/** Why a rule was refused, in words its author can act on; it becomes a {@code bad-rule} dead letter. */
public class BadRule extends IllegalArgumentException {
    public BadRule(String message) {
        super(message);
    }
}
