package io.streamlens.deploy.cli;

import io.streamlens.records.Caption;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Topics;
import java.util.function.Consumer;

/**
 * Follows {@code video.captions} (read_committed: only captions of committed checkpoints) on a
 * thread of its own and hands each caption to a listener as it arrives. Public for
 * {@code bench pipeline}, which times captions as they arrive.
 */
public final class CaptionTail implements AutoCloseable {
    private final TopicTail<Caption> tail;

    public CaptionTail(KafkaClientConfig kafka, Consumer<Caption> listener) {
        tail = new TopicTail<>(kafka, Topics.CAPTIONS, Caption.class, listener);
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
