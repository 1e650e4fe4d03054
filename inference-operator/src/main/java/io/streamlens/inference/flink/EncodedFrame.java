package io.streamlens.inference.flink;

import io.streamlens.inference.InferenceException;
import io.streamlens.inference.VisualTokens;
import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of encoding one frame: its visual tokens, or the reason it could not be encoded (a
 * dead-letter reason code such as {@code image-too-small}). Flat fields keep it a Flink POJO.
 *
 * @param streamId from the request
 * @param ptsMs from the request
 * @param tokens visual tokens (rows); 0 when failed
 * @param hidden features per token; 0 when failed
 * @param features {@code tokens × hidden} floats; empty when failed
 * @param failureReason empty when encoded, else a {@link io.streamlens.inference.FailureReason} code
 * @param failureDetail what went wrong, for a person; empty when encoded
 */
public record EncodedFrame(String streamId, long ptsMs, int tokens, int hidden, float[] features,
        String failureReason, String failureDetail) {

    public EncodedFrame {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(failureDetail, "failureDetail");
    }

    static EncodedFrame encoded(FrameToEncode frame, VisualTokens t) {
        return new EncodedFrame(frame.streamId(), frame.ptsMs(), t.count(), t.hidden(), t.values(), "", "");
    }

    static EncodedFrame failed(FrameToEncode frame, Throwable failure) {
        Throwable cause = failure.getCause() != null && !(failure instanceof InferenceException) ? failure.getCause() : failure;
        return new EncodedFrame(frame.streamId(), frame.ptsMs(), 0, 0, new float[0],
                InferenceException.reasonOf(failure).code(), String.valueOf(cause.getMessage()));
    }

    public boolean ok() {
        return failureReason.isEmpty();
    }

    /** The tokens as the generator takes them; only for an {@link #ok()} frame. */
    public VisualTokens visualTokens() {
        if (!ok()) {
            throw new IllegalStateException("frame " + streamId + "@" + ptsMs + " failed: " + failureReason);
        }
        return new VisualTokens(tokens, hidden, features);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedFrame e && ptsMs == e.ptsMs && tokens == e.tokens && hidden == e.hidden
                && streamId.equals(e.streamId) && Arrays.equals(features, e.features)
                && failureReason.equals(e.failureReason) && failureDetail.equals(e.failureDetail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, ptsMs, tokens, hidden, failureReason, failureDetail) * 31 + Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "EncodedFrame[" + streamId + "@" + ptsMs + (ok() ? " " + tokens + "x" + hidden : " " + failureReason) + "]";
    }
}
