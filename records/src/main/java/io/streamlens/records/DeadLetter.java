package io.streamlens.records;

import java.util.Objects;

/**
 * An input that could not be used, with a reason a person can act on. Written to
 * {@code video.deadletter}; nothing is dropped silently.
 *
 * @param streamId the stream it belonged to
 * @param seq the segment sequence number, or -1 when the whole source failed before segmenting
 * @param source the file or URL it came from
 * @param reason a short machine-readable reason, see {@link DeadLetterReason}
 * @param detail what exactly went wrong, for a person
 */
public record DeadLetter(String streamId, long seq, String source, String reason, String detail) {

    public DeadLetter {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(reason, "reason");
        source = source == null ? "" : source;
        detail = detail == null ? "" : detail;
    }

    public static DeadLetter of(String streamId, long seq, String source, DeadLetterReason reason, String detail) {
        return new DeadLetter(streamId, seq, source, reason.code(), detail);
    }
}
