package io.streamlens.records;

/** The Kafka topics of the StreamLens contract (DESIGN.md), declared once. */
public final class Topics {
    /** Segment bytes; headers in {@link SegmentHeaders}. Key: stream id. */
    public static final String SEGMENTS = "video.segments";
    /** One JSON caption per stream window. */
    public static final String CAPTIONS = "video.captions";
    /** Questions about a stream. */
    public static final String QUERIES = "video.queries";
    /** Answers to {@link #QUERIES}. */
    public static final String ANSWERS = "video.answers";
    /** Alert rules as JSON, keyed by rule id; a record without {@code when} (or a tombstone) removes one. */
    public static final String RULES = "video.rules";
    /** Episodes of rules holding on a stream, opened and closed. */
    public static final String ALERTS = "video.alerts";
    /** Rolling summaries of live streams. */
    public static final String SUMMARIES = "video.summaries";
    /** Every input that could not be used, with its reason. */
    public static final String DEADLETTER = "video.deadletter";

    /** Every topic above, for brokers that create them. */
    public static final java.util.List<String> ALL = java.util.List.of(SEGMENTS, CAPTIONS, QUERIES, ANSWERS, RULES, ALERTS, SUMMARIES, DEADLETTER);

    private Topics() {
    }
}
