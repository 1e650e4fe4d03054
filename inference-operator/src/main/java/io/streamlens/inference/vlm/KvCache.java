package io.streamlens.inference.vlm;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.runtime.Tensors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoder's key/value cache for one generation. It owns the native tensors: first the empty
 * past of the prefill, then the {@code Result} of the latest step, whose {@code present.*} outputs
 * are fed back as the next step's {@code past_key_values.*} without copying them into Java.
 */
final class KvCache implements AutoCloseable {

    private final Decoder.CacheLayout layout;
    private final List<OnnxTensor> empty = new ArrayList<>();
    private final Map<String, OnnxTensor> past = new HashMap<>();
    private OrtSession.Result latest;
    private int length;

    KvCache(Decoder.CacheLayout layout) throws OrtException {
        this.layout = layout;
        try {
            for (int l = 0; l < layout.layers(); l++) {
                for (String name : new String[] {pastKey(l), pastValue(l)}) {
                    OnnxTensor t = Tensors.empty(layout.type(), 1, layout.kvHeads(), 0, layout.headDim());
                    empty.add(t);
                    past.put(name, t);
                }
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static String pastKey(int layer) {
        return "past_key_values." + layer + ".key";
    }

    static String pastValue(int layer) {
        return "past_key_values." + layer + ".value";
    }

    static String presentKey(int layer) {
        return "present." + layer + ".key";
    }

    static String presentValue(int layer) {
        return "present." + layer + ".value";
    }

    /** Positions held. */
    int length() {
        return length;
    }

    Map<String, OnnxTensor> pastInputs() {
        return past;
    }

    /** Takes over a step's result; the previous one is closed, as nothing refers to it any more. */
    void advance(OrtSession.Result result, int newLength) {
        Map<String, OnnxTensor> next = new HashMap<>();
        for (int l = 0; l < layout.layers(); l++) {
            next.put(pastKey(l), Tensors.output(result, presentKey(l)));
            next.put(pastValue(l), Tensors.output(result, presentValue(l)));
        }
        long[] shape = Tensors.shape(next.get(pastKey(0)));
        if (shape[2] != newLength) {
            throw new IllegalStateException("present.0.key holds " + shape[2] + " positions, expected " + newLength);
        }
        closeHeld();
        past.clear();
        past.putAll(next);
        latest = result;
        length = newLength;
    }

    @Override
    public void close() {
        closeHeld();
        past.clear();
    }

    private void closeHeld() {
        if (latest != null) {
            latest.close();
            latest = null;
        }
        for (OnnxTensor t : empty) {
            t.close();
        }
        empty.clear();
    }
}
