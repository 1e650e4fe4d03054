package io.streamlens.sampler;

import io.streamlens.records.DeadLetterReason;

/** A segment that could not be decoded (in full), with the dead-letter reason. */
public final class DecodeException extends Exception {
    private final DeadLetterReason reason;

    public DecodeException(DeadLetterReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
