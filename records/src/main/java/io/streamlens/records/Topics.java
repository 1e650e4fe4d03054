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
    /** Every input that could not be used, with its reason. */
    public static final String DEADLETTER = "video.deadletter";

    private Topics() {
    }
}
