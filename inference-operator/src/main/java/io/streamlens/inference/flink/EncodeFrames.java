package io.streamlens.inference.flink;

import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Frames to visual tokens in a Flink job: a thin adapter over {@code VlmPack.encodeImageAsync}, so
 * that frames of every stream in the JVM share the pack's batcher.
 *
 * <pre>{@code
 * AsyncDataStream.unorderedWait(frames, new EncodeFrames("tiny-color", options), 30, TimeUnit.SECONDS, 64)
 * }</pre>
 *
 * <p>Failures are values: a frame that cannot be encoded comes out as an {@link EncodedFrame} with a
 * dead-letter reason, never as a failed job. The async capacity times the slots per JVM should stay
 * within the batcher's queue capacity, so that {@code overloaded} never happens.
 */
public final class EncodeFrames extends RichAsyncFunction<FrameToEncode, EncodedFrame> {

    private static final long serialVersionUID = 1L;

    private final String pack;
    private final RuntimeOptions options;
    private transient PackHandle handle;

    /** @param pack a built-in pack name or a pack folder holding a {@code vlm} pack */
    public EncodeFrames(String pack, RuntimeOptions options) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void open(OpenContext context) {
        handle = SharedSessions.acquire(pack, options);
        handle.vlm(); // fail at start-up, not on the first frame, when the pack is not a vlm pack
    }

    @Override
    public void asyncInvoke(FrameToEncode frame, ResultFuture<EncodedFrame> result) {
        handle.vlm().encodeImageAsync(frame.image()).whenComplete((tokens, failure) -> result.complete(List.of(
                failure == null ? EncodedFrame.encoded(frame, tokens) : EncodedFrame.failed(frame, failure))));
    }

    @Override
    public void timeout(FrameToEncode frame, ResultFuture<EncodedFrame> result) {
        result.complete(List.of(EncodedFrame.failed(frame,
                new InferenceException(FailureReason.OVERLOADED, "no result within the async timeout"))));
    }

    @Override
    public void close() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
    }
}
