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
 * @param deadLetterId the same for the same problem with the same input, however often a restart
 *     replays it, so that a consumer can deduplicate: {@code streamId/seq/reason/hash of detail}
 */
public record DeadLetter(String streamId, long seq, String source, String reason, String detail, String deadLetterId) {

    public DeadLetter {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(reason, "reason");
        source = source == null ? "" : source;
        detail = detail == null ? "" : detail;
        deadLetterId = deadLetterId == null || deadLetterId.isEmpty() ? idOf(streamId, seq, reason, detail) : deadLetterId;
    }

    public static DeadLetter of(String streamId, long seq, String source, DeadLetterReason reason, String detail) {
        return new DeadLetter(streamId, seq, source, reason.code(), detail, null);
    }

    /** String.hashCode is specified by the language, so the id survives restarts and JVMs. */
    static String idOf(String streamId, long seq, String reason, String detail) {
        return streamId + "/" + seq + "/" + reason + "/" + Integer.toHexString(detail.hashCode());
    }
}
