package io.streamlens.records;

/** Kafka header names carried by every {@link Topics#SEGMENTS} record. */
public final class SegmentHeaders {
    public static final String STREAM_ID = "stream-id";
    public static final String SEQ = "seq";
    public static final String START_US = "start-us";
    public static final String CONTAINER = "container";
    public static final String LAST = "last";
    public static final String PART = "part";
    public static final String PARTS = "parts";
    public static final String SOURCE = "source";

    private SegmentHeaders() {
    }
}
