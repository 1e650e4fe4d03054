package io.streamlens.inference.voice;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.runtime.SessionFactory;
import io.streamlens.inference.runtime.ShippedModels;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shipped Silero VAD v4 ({@code models/silero-vad/silero_vad.onnx}), the one place its
 * tensors live. Contract, checked when opened: {@code input} f32 {@code [batch, samples]} (16 kHz,
 * [-1, 1]), {@code sr} i64 scalar, {@code h} and {@code c} f32 {@code [2, batch, 64]} (the LSTM
 * state) → {@code output} f32 {@code [batch, 1]} (speech probability), {@code hn}, {@code cn}
 * (the state for the next chunk of the same stream). The graph accepts any chunk length; v4 was
 * trained on 512, 1024 and 1536 samples at 16 kHz, so {@link VadSettings} allows only those.
 *
 * <p>One call per chunk of one stream: a chunk's state depends on the previous chunk's output,
 * so a stream's chunks cannot go in one batch, and batching across streams would need their
 * states gathered and scattered each call for a model that costs well under a millisecond a
 * chunk. Thread-safe (ONNX Runtime sessions are); the state is the caller's.
 *
 * <pre>{@code
 * try (SileroVad vad = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1))) {
 *     float[] h = new float[SileroVad.STATE_FLOATS], c = new float[SileroVad.STATE_FLOATS];
 *     float p = vad.speechProbability(chunkOf512Samples, h, c);   // h, c now hold the next state
 * }
 * }</pre>
 */
public final class SileroVad implements AutoCloseable {
    public static final String MODEL_RESOURCE = "/models/silero-vad/silero_vad.onnx";
    public static final int SAMPLE_RATE = 16_000;
    /** Floats in each of {@code h} and {@code c} for one stream: {@code [2, 1, 64]}. */
    public static final int STATE_FLOATS = 2 * 64;
    private static final long[] STATE_SHAPE = {2, 1, 64};

    private final OrtSession session;
    private final OnnxTensor sampleRate;

    private SileroVad(OrtSession session) throws OrtException {
        this.session = session;
        this.sampleRate = OnnxTensor.createTensor(SessionFactory.environment(), (long) SAMPLE_RATE);
    }

    /** Opens the shipped model; one intra-op thread is plenty for it. */
    public static SileroVad open(RuntimeOptions runtime) {
        OrtSession session = ShippedModels.open(MODEL_RESOURCE, runtime);
        try {
            List<String> problems = contractProblems(session);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(MODEL_RESOURCE + " is not Silero VAD v4: " + String.join("; ", problems));
            }
            return new SileroVad(session);
        } catch (OrtException | RuntimeException e) {
            ShippedModels.closeQuietly(session, e);
            throw e instanceof OrtException ? new IllegalStateException("ONNX Runtime could not use " + MODEL_RESOURCE
                    + ": " + e.getMessage(), e) : (RuntimeException) e;
        }
    }

    /**
     * The probability that a chunk of one stream is speech.
     *
     * @param chunk 16 kHz samples in [-1, 1]
     * @param h the stream's state before the chunk ({@link #STATE_FLOATS}); overwritten with the state after
     * @param c likewise
     */
    public float speechProbability(float[] chunk, float[] h, float[] c) {
        var env = SessionFactory.environment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(chunk), new long[] {1, chunk.length});
             OnnxTensor hIn = OnnxTensor.createTensor(env, FloatBuffer.wrap(h), STATE_SHAPE);
             OnnxTensor cIn = OnnxTensor.createTensor(env, FloatBuffer.wrap(c), STATE_SHAPE);
             OrtSession.Result result = session.run(Map.of("input", input, "sr", sampleRate, "h", hIn, "c", cIn))) {
            ((OnnxTensor) result.get("hn").orElseThrow()).getFloatBuffer().get(h);
            ((OnnxTensor) result.get("cn").orElseThrow()).getFloatBuffer().get(c);
            return ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer().get(0);
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD failed on a chunk of " + chunk.length + " samples: " + e.getMessage(), e);
        }
    }

    /** Names, element types and ranks the code relies on, read from the session's own metadata. */
    static List<String> contractProblems(OrtSession session) throws OrtException {
        List<String> problems = new ArrayList<>();
        expect(session.getInputInfo(), "input", OnnxJavaType.FLOAT, 2, problems);
        expect(session.getInputInfo(), "sr", OnnxJavaType.INT64, 0, problems);
        expect(session.getInputInfo(), "h", OnnxJavaType.FLOAT, 3, problems);
        expect(session.getInputInfo(), "c", OnnxJavaType.FLOAT, 3, problems);
        expect(session.getOutputInfo(), "output", OnnxJavaType.FLOAT, 2, problems);
        expect(session.getOutputInfo(), "hn", OnnxJavaType.FLOAT, 3, problems);
        expect(session.getOutputInfo(), "cn", OnnxJavaType.FLOAT, 3, problems);
        return problems;
    }

    private static void expect(Map<String, NodeInfo> nodes, String name, OnnxJavaType type, int rank, List<String> problems) {
        NodeInfo node = nodes.get(name);
        if (node == null || !(node.getInfo() instanceof TensorInfo info)) {
            problems.add("no tensor named " + name);
        } else if (info.type != type || info.getShape().length != rank) {
            problems.add(name + " is " + info.type + " of rank " + info.getShape().length + ", expected " + type + " of rank " + rank);
        }
    }

    @Override
    public void close() {
        sampleRate.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the Silero VAD session failed", e);
        }
    }
}
