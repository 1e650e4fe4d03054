package io.streamlens.inference;

import java.util.Objects;

/**
 * A request that could not be served, with a {@link FailureReason} that a dead-letter record can
 * carry. It fails that one request; the model and other requests are unaffected.
 */
public class InferenceException extends RuntimeException {

    private final FailureReason reason;

    public InferenceException(FailureReason reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public InferenceException(FailureReason reason, String detail, Throwable cause) {
        super(reason.code() + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FailureReason reason() {
        return reason;
    }

    /** The stable code of {@link #reason()}, ready for a dead-letter record. */
    public String reasonCode() {
        return reason.code();
    }

    /**
     * The reason behind any failure of a request: an {@code InferenceException}'s own, else
     * {@link FailureReason#MODEL_FAILURE}. Unwraps the {@code CompletionException} of futures.
     */
    public static FailureReason reasonOf(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof InferenceException e) {
                return e.reason();
            }
            t = t.getCause();
        }
        return FailureReason.MODEL_FAILURE;
    }
}
