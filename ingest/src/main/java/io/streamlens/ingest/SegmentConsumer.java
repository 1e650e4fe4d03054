package io.streamlens.ingest;

/** Receives segments as the {@link Segmenter} cuts them. */
@FunctionalInterface
public interface SegmentConsumer {
    void accept(Segment segment) throws Exception;
}
