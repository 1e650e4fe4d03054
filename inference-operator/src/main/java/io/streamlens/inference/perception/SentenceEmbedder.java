package io.streamlens.inference.perception;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.ModelInput;
import io.streamlens.inference.runtime.NativeLibraryDirs;
import io.streamlens.inference.runtime.Tensors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sentence embeddings with all-MiniLM-L6-v2, as sentence-transformers computes them: WordPiece
 * tokens (at most 256, longer text is cut as the model was trained), the last hidden state
 * mean-pooled over the attention mask, then L2-normalised.
 *
 * <p>The model in the jar is dynamically quantized: it picks int8 ranges for its activations over
 * the whole input tensor. Texts embedded in one batch therefore nudge each other's vectors a little
 * (cosine to the text embedded alone ≥ 0.97 in tests; identical inputs give identical outputs).
 * Batching is kept because it is several times faster; pass a single text where exact
 * reproducibility matters more than throughput.
 */
public final class SentenceEmbedder implements AutoCloseable {

    /** Tokens after tokenizing, before padding. */
    public record Tokens(long[] ids, long[] typeIds) {
    }

    static final int MAX_TOKENS = 256;
    /** Checked before tokenizing, so a 100 KB question is refused without work. */
    static final int MAX_CHARS = 8192;

    private static final String IDS = "input_ids";
    private static final String MASK = "attention_mask";
    private static final String TYPES = "token_type_ids";
    private static final String HIDDEN = "last_hidden_state";

    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTypes;
    private final String output;

    private SentenceEmbedder(OrtSession session, HuggingFaceTokenizer tokenizer, boolean takesTypes, String output) {
        this.session = session;
        this.tokenizer = tokenizer;
        this.takesTypes = takesTypes;
        this.output = output;
    }

    static Optional<SentenceEmbedder> bind(OrtSession session, SessionContract contract, HuggingFaceTokenizer tokenizer) {
        boolean ids = contract.input(IDS, 2, OnnxJavaType.INT64).isPresent();
        boolean mask = contract.input(MASK, 2, OnnxJavaType.INT64).isPresent();
        boolean types = contract.optionalInput(TYPES, 2, OnnxJavaType.INT64).isPresent();
        String out = contract.outputs().containsKey(HIDDEN) ? HIDDEN : contract.soleOutput().orElse(null);
        if (!ids || !mask || out == null || contract.output(out, 3, OnnxJavaType.FLOAT).isEmpty() || tokenizer == null) {
            return Optional.empty();
        }
        return Optional.of(new SentenceEmbedder(session, tokenizer, types, out));
    }

    static HuggingFaceTokenizer loadTokenizer(byte[] json) throws IOException {
        Map<String, String> options = Map.of(
                "maxLength", Integer.toString(MAX_TOKENS),
                "truncation", "true",
                "padding", "false");
        NativeLibraryDirs.isolateDjl();
        return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options);
    }

    /** Checks and tokenizes a text in the caller's thread. */
    public Tokens prepare(String text) {
        if (text == null || text.isBlank()) {
            throw new InferenceException(FailureReason.EMPTY_TEXT, "nothing to embed");
        }
        if (text.length() > MAX_CHARS) {
            throw new InferenceException(FailureReason.TEXT_TOO_LONG,
                    text.length() + " characters exceed the " + MAX_CHARS + " an embedding takes");
        }
        Encoding e = tokenizer.encode(text);
        return new Tokens(e.getIds(), e.getTypeIds());
    }

    /** The tensors of one call: ids, mask and (if the model takes them) type ids, padded to the longest text. */
    public ModelInput input(List<Tokens> texts) throws OrtException {
        int batch = texts.size();
        int length = 1;
        for (Tokens t : texts) {
            length = Math.max(length, t.ids().length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            Tokens t = texts.get(b);
            System.arraycopy(t.ids(), 0, ids, b * length, t.ids().length);
            System.arraycopy(t.typeIds(), 0, types, b * length, t.typeIds().length);
            Arrays.fill(mask, b * length, b * length + t.ids().length, 1L);
        }
        int padded = length;
        return ModelInput.build(in -> {
            in.put(IDS, Tensors.longs(ids, batch, padded));
            in.put(MASK, Tensors.longs(mask, batch, padded));
            if (takesTypes) {
                in.put(TYPES, Tensors.longs(types, batch, padded));
            }
        });
    }

    /** Embeddings of several texts in one call, padded to the longest. */
    List<Embedding> embed(List<Tokens> texts) throws OrtException {
        try (ModelInput in = input(texts); OrtSession.Result r = in.run(session, Set.of(output))) {
            OnnxTensor hidden = Tensors.output(r, output);
            long[] shape = Tensors.shape(hidden);
            int length = (int) shape[1];
            int dims = (int) shape[2];
            float[] states = Tensors.copyFloats(hidden);
            List<Embedding> out = new ArrayList<>(texts.size());
            for (int b = 0; b < texts.size(); b++) {
                out.add(meanPooled(states, b, length, dims, texts.get(b).ids().length));
            }
            return out;
        }
    }

    /** The session call alone, without tokenizing or pooling: the baseline of benchmarks. */
    public void runBare(ModelInput in) throws OrtException {
        try (OrtSession.Result ignored = in.run(session, Set.of(output))) {
            // only the call is measured
        }
    }

    private static Embedding meanPooled(float[] states, int b, int length, int dims, int tokens) {
        float[] v = new float[dims];
        for (int t = 0; t < tokens; t++) {
            int base = (b * length + t) * dims;
            for (int d = 0; d < dims; d++) {
                v[d] += states[base + d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            v[d] /= tokens;
            norm += v[d] * v[d];
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < dims; d++) {
            v[d] *= scale;
        }
        return new Embedding(v);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
