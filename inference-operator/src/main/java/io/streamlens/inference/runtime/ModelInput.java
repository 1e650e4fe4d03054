package io.streamlens.inference.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The input tensors of one model call, owned until closed. Models build them in one place, so a
 * benchmark's bare {@code OrtSession.run} and the batched path feed exactly the same tensors.
 */
public final class ModelInput implements AutoCloseable {

    /** Builds the tensors; on failure the ones already created are closed. */
    @FunctionalInterface
    public interface Builder {
        void addTo(ModelInput input) throws OrtException;
    }

    private final Map<String, OnnxTensor> tensors = new LinkedHashMap<>();

    private ModelInput() {
    }

    public static ModelInput build(Builder builder) throws OrtException {
        ModelInput input = new ModelInput();
        try {
            builder.addTo(input);
            return input;
        } catch (OrtException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** Adds a tensor; this input now owns it. */
    public ModelInput put(String name, OnnxTensor tensor) {
        OnnxTensor previous = tensors.put(name, tensor);
        if (previous != null) {
            previous.close();
        }
        return this;
    }

    public Map<String, OnnxTensor> tensors() {
        return Collections.unmodifiableMap(tensors);
    }

    /** Runs a session on these tensors; the caller closes the result. */
    public OrtSession.Result run(OrtSession session, Set<String> outputs) throws OrtException {
        return session.run(tensors, outputs);
    }

    @Override
    public void close() {
        tensors.values().forEach(OnnxTensor::close);
        tensors.clear();
    }
}
