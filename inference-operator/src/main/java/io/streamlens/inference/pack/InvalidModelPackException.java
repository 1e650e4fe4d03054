package io.streamlens.inference.pack;

import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import java.util.List;

/** A model pack that cannot be used, with every problem found, not just the first. */
public final class InvalidModelPackException extends InferenceException {

    private final String pack;
    private final List<String> problems;

    public InvalidModelPackException(String pack, List<String> problems) {
        super(FailureReason.INVALID_MODEL_PACK, message(pack, problems));
        this.pack = pack;
        this.problems = List.copyOf(problems);
    }

    /** Where the pack was looked for: a built-in name or a folder. */
    public String pack() {
        return pack;
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(String pack, List<String> problems) {
        StringBuilder b = new StringBuilder("model pack ").append(pack).append(" is not usable (")
                .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
        for (String p : problems) {
            b.append("\n  - ").append(p);
        }
        return b.toString();
    }
}
