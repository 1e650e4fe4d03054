package io.streamlens.inference.vlm;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.Tensors;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One forward step of a pack's {@code decoder_model_merged.onnx} over a {@link KvCache}.
 *
 * <p>Everything about the cache is read from the session: the number of layers from the
 * {@code past_key_values.N.*} inputs, KV heads, head size and element type (float32 or the
 * float16 of half-precision exports) from their shapes. {@code position_ids} and
 * {@code use_cache_branch} are fed only when the session lists them.
 */
final class Decoder {

    /** What the session's metadata says about the cache. */
    record CacheLayout(int layers, int kvHeads, int headDim, OnnxJavaType type) {
    }

    private static final String EMBEDS = "inputs_embeds";
    private static final String MASK = "attention_mask";
    private static final String POSITIONS = "position_ids";
    private static final String CACHE_BRANCH = "use_cache_branch";
    private static final String LOGITS = "logits";
    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");

    private final OrtSession session;
    private final int hidden;
    private final CacheLayout layout;
    private final boolean hasPositions;
    private final boolean hasCacheBranch;
    private final Set<String> outputs;

    private Decoder(OrtSession session, int hidden, CacheLayout layout, boolean hasPositions, boolean hasCacheBranch) {
        this.session = session;
        this.hidden = hidden;
        this.layout = layout;
        this.hasPositions = hasPositions;
        this.hasCacheBranch = hasCacheBranch;
        Set<String> out = new HashSet<>();
        out.add(LOGITS);
        for (int l = 0; l < layout.layers(); l++) {
            out.add(KvCache.presentKey(l));
            out.add(KvCache.presentValue(l));
        }
        this.outputs = Set.copyOf(out);
    }

    static Optional<Decoder> bind(OrtSession session, SessionContract contract) {
        Optional<TensorInfo> embeds = contract.input(EMBEDS, 3, OnnxJavaType.FLOAT);
        boolean mask = contract.input(MASK, 2, OnnxJavaType.INT64).isPresent();
        boolean positions = contract.optionalInput(POSITIONS, 2, OnnxJavaType.INT64).isPresent();
        boolean branch = contract.optionalInput(CACHE_BRANCH, 1, OnnxJavaType.BOOL).isPresent();
        boolean logits = contract.output(LOGITS, 3, OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16).isPresent();
        Optional<CacheLayout> layout = cacheLayout(contract);
        for (String name : contract.inputs().keySet()) {
            if (!PAST.matcher(name).matches() && !Set.of(EMBEDS, MASK, POSITIONS, CACHE_BRANCH).contains(name)) {
                contract.problem("has an input '" + name + "' that the vlm layout does not feed");
                return Optional.empty();
            }
        }
        if (embeds.isEmpty() || !mask || !logits || layout.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Decoder(session, (int) embeds.get().getShape()[2], layout.get(), positions, branch));
    }

    private static Optional<CacheLayout> cacheLayout(SessionContract contract) {
        int layers = 0;
        for (String name : contract.inputs().keySet()) {
            Matcher m = PAST.matcher(name);
            if (m.matches()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        if (layers == 0) {
            contract.problem("has no 'past_key_values.N.key' / '.value' inputs; the vlm layout needs the merged"
                    + " decoder with a KV cache");
            return Optional.empty();
        }
        long[] reference = null;
        OnnxJavaType type = null;
        boolean ok = true;
        for (int l = 0; l < layers; l++) {
            for (String name : new String[] {KvCache.pastKey(l), KvCache.pastValue(l), KvCache.presentKey(l), KvCache.presentValue(l)}) {
                boolean isInput = name.startsWith("past");
                Optional<TensorInfo> info = isInput
                        ? contract.input(name, 4, OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16)
                        : contract.output(name, 4, OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16);
                if (info.isEmpty()) {
                    ok = false;
                    continue;
                }
                long[] shape = info.get().getShape();
                if (reference == null) {
                    reference = shape;
                    type = info.get().type;
                    if (shape[1] <= 0 || shape[3] <= 0) {
                        contract.problem("'" + name + "' has shape " + SessionContract.shape(info.get())
                                + "; KV heads and head size must be fixed");
                        ok = false;
                    }
                } else if (shape[1] != reference[1] || shape[3] != reference[3] || info.get().type != type) {
                    contract.problem("'" + name + "' is " + info.get().type + " " + SessionContract.shape(info.get())
                            + ", unlike the first cache tensor " + type + " " + Arrays.toString(reference));
                    ok = false;
                }
            }
        }
        return ok ? Optional.of(new CacheLayout(layers, (int) reference[1], (int) reference[3], type)) : Optional.empty();
    }

    int hidden() {
        return hidden;
    }

    CacheLayout layout() {
        return layout;
    }

    KvCache newCache() throws OrtException {
        return new KvCache(layout);
    }

    /**
     * Runs {@code tokens} new positions with the cache in front of them; the cache then holds them
     * too. Returns the logits of the last position.
     */
    float[] step(float[] embeds, int tokens, KvCache cache) throws OrtException {
        int past = cache.length();
        int total = past + tokens;
        long[] mask = new long[total];
        Arrays.fill(mask, 1L);
        long[] positions = new long[tokens];
        for (int i = 0; i < tokens; i++) {
            // cumulative sum of the mask minus one, for the new positions
            positions[i] = past + i;
        }
        try (OnnxTensor embedTensor = Tensors.floats(embeds, 1, tokens, hidden);
                OnnxTensor maskTensor = Tensors.longs(mask, 1, total);
                OnnxTensor positionTensor = hasPositions ? Tensors.longs(positions, 1, tokens) : null;
                OnnxTensor branchTensor = hasCacheBranch ? Tensors.bools(past > 0, 1) : null) {
            Map<String, OnnxTensor> inputs = new HashMap<>(cache.pastInputs());
            inputs.put(EMBEDS, embedTensor);
            inputs.put(MASK, maskTensor);
            if (positionTensor != null) {
                inputs.put(POSITIONS, positionTensor);
            }
            if (branchTensor != null) {
                inputs.put(CACHE_BRANCH, branchTensor);
            }
            OrtSession.Result result = session.run(inputs, outputs);
            try {
                float[] last = lastLogits(Tensors.output(result, LOGITS));
                cache.advance(result, total);
                result = null;
                return last;
            } finally {
                if (result != null) {
                    result.close();
                }
            }
        }
    }

    private static float[] lastLogits(OnnxTensor logits) {
        long[] shape = Tensors.shape(logits);
        int vocab = (int) shape[2];
        FloatBuffer all = logits.getFloatBuffer();
        float[] last = new float[vocab];
        all.position((int) ((shape[1] - 1) * vocab));
        all.get(last);
        return last;
    }
}
