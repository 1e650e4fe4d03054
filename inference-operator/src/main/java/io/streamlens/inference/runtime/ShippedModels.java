package io.streamlens.inference.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.RuntimeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sessions over the models this module ships in its resources ({@code /models/NAME/model.onnx}). */
public final class ShippedModels {

    private ShippedModels() {
    }

    /** A session over a model resource with the runtime's device and threads. */
    public static OrtSession open(String resource, RuntimeOptions runtime) {
        byte[] onnx;
        try (InputStream in = ShippedModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            onnx = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SessionFactory factory = new SessionFactory(runtime)) {
            return factory.open(onnx);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not open " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Closes a session whose owner could not be built, keeping the first failure as the cause. */
    public static void closeQuietly(OrtSession session, Exception cause) {
        try {
            session.close();
        } catch (OrtException e) {
            cause.addSuppressed(e);
        }
    }

    public static void close(OrtSession session, String what) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the " + what + "'s session failed", e);
        }
    }
}
