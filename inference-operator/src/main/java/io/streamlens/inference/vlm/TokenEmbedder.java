package io.streamlens.inference.vlm;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamlens.inference.pack.SessionContract;
import io.streamlens.inference.runtime.Tensors;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Token ids to input embeddings through a pack's {@code embed_tokens.onnx}. */
final class TokenEmbedder {

    private static final String IDS = "input_ids";
    private static final String EMBEDS = "inputs_embeds";

    private final OrtSession session;
    private final int hidden;

    private TokenEmbedder(OrtSession session, int hidden) {
        this.session = session;
        this.hidden = hidden;
    }

    static Optional<TokenEmbedder> bind(OrtSession session, SessionContract contract) {
        boolean ids = contract.input(IDS, 2, OnnxJavaType.INT64).isPresent();
        Optional<TensorInfo> embeds = contract.output(EMBEDS, 3, OnnxJavaType.FLOAT);
        if (!ids || embeds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TokenEmbedder(session, (int) embeds.get().getShape()[2]));
    }

    /** Features per token, or -1 when the model leaves it symbolic. */
    int hidden() {
        return hidden;
    }

    /** Embeddings of a sequence, {@code ids.length × hidden} floats. */
    float[] embed(long[] ids) throws OrtException {
        try (OnnxTensor input = Tensors.longs(ids, 1, ids.length);
                OrtSession.Result result = session.run(Map.of(IDS, input), Set.of(EMBEDS))) {
            return Tensors.copyFloats(Tensors.output(result, EMBEDS));
        }
    }
}
