package io.streamlens.ingest;

import io.streamlens.records.DeadLetterReason;

/** A source that cannot be (fully) published, with the reason that goes into its dead letter. */
public final class IngestException extends Exception {
    private final DeadLetterReason reason;

    public IngestException(DeadLetterReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public IngestException(DeadLetterReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
