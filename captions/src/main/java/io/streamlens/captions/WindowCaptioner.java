package io.streamlens.captions;

import java.io.Serializable;

/** Turns a closed window into a caption; one per subtask, opened in {@code open()}, closed in {@code close()}. */
public interface WindowCaptioner extends AutoCloseable {

    CaptionDraft caption(StreamWindows.Window window) throws Exception;

    /** The model pack's name, for the caption record. */
    String model();

    @Override
    default void close() throws Exception {
    }

    /** How an operator gets its captioner on the task manager (models are not serializable). */
    @FunctionalInterface
    interface Factory extends Serializable {
        WindowCaptioner open() throws Exception;
    }
}
