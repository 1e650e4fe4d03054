package io.streamlens.records;

/** Why an input could not be used. The codes are part of the {@code video.deadletter} contract. */
public enum DeadLetterReason {
    /** The bytes are not a container FFmpeg recognises, or carry no video stream. */
    NOT_A_VIDEO("not-a-video"),
    /** The input has no bytes at all. */
    EMPTY("empty"),
    /** The input ends before its own structure says it should (cut-off download, partial copy). */
    TRUNCATED("truncated"),
    /** Damaged data in the middle of a source was skipped; the rest of it was used. */
    DAMAGED("damaged"),
    /** The video codec can be neither decoded nor transcoded here. */
    UNSUPPORTED_CODEC("unsupported-codec"),
    /** A segment or question larger than the configured limit. */
    TOO_LARGE("too-large"),
    /** A segment arrived with a sequence number below one already seen for its stream. */
    OUT_OF_ORDER("out-of-order"),
    /** A segment (or part) with a sequence number that was already processed. */
    DUPLICATE("duplicate"),
    /** A segment whose bytes decode to no frame at all (damaged data). */
    UNDECODABLE("undecodable"),
    /** A multi-part segment whose parts never all arrived before the stream moved on. */
    INCOMPLETE("incomplete"),
    /** A model could not look at a frame (the frame's findings are missing from its caption). */
    MODEL_FAILURE("model-failure"),
    /** The source could not be opened (missing file, refused connection). */
    UNREADABLE("unreadable"),
    /** A segment record names a container outside the allow-list (only self-contained formats are read). */
    UNSUPPORTED_CONTAINER("unsupported-container"),
    /** A record whose headers break the segment contract (missing or unreadable stream id, seq, part …). */
    MALFORMED("malformed"),
    /** A picture too small to look at (below {@code FrameLimits}' minimum side). */
    TOO_SMALL("too-small"),
    /** A record of {@code video.rules} (or a {@code --rules} file) that is not a valid rule; it changed nothing. */
    BAD_RULE("bad-rule");

    private final String code;

    DeadLetterReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
