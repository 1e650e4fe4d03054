package io.streamlens.inference.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.streamlens.inference.Device;
import io.streamlens.inference.RuntimeOptions;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the sessions of one model pack with one set of options, on CUDA when asked for and
 * available, else on the CPU with a warning that says why.
 *
 * <p>There is one {@link OrtEnvironment} per JVM (ONNX Runtime allows no other); this class is
 * the only place that touches it. A factory lives as long as a pack is being loaded: sessions
 * outlive it, its {@link SessionOptions} don't need to.
 */
public final class SessionFactory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    private final RuntimeOptions options;
    private final SessionOptions cpuOptions;
    private SessionOptions cudaOptions;
    private DeviceChoice choice;

    public SessionFactory(RuntimeOptions options) throws OrtException {
        this.options = options;
        this.cpuOptions = baseOptions(options);
        if (options.device().kind() == Device.Kind.CUDA) {
            this.cudaOptions = baseOptions(options);
            try {
                cudaOptions.addCUDA(options.device().index());
                this.choice = DeviceChoice.asRequested(options.device());
            } catch (OrtException | RuntimeException e) {
                cudaOptions.close();
                cudaOptions = null;
                fallBack(cudaUnavailableReason(e));
            }
        } else {
            this.choice = DeviceChoice.asRequested(Device.CPU);
        }
    }

    /** The JVM's ONNX Runtime environment. */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "streamlens");
    }

    /** Where the sessions opened so far run; a CUDA failure at session creation shows here too. */
    public DeviceChoice deviceChoice() {
        return choice;
    }

    /** Opens a model held in memory (e.g. read from a jar). */
    public OrtSession open(byte[] model) throws OrtException {
        if (cudaOptions != null) {
            try {
                return environment().createSession(model, cudaOptions);
            } catch (OrtException e) {
                fallBackAtCreation(e);
            }
        }
        return environment().createSession(model, cpuOptions);
    }

    /**
     * Opens a model file by path, so that ONNX Runtime finds weights kept beside it in an
     * {@code .onnx_data} file, as large exports do.
     */
    public OrtSession open(Path model) throws OrtException {
        if (cudaOptions != null) {
            try {
                return environment().createSession(model.toString(), cudaOptions);
            } catch (OrtException e) {
                fallBackAtCreation(e);
            }
        }
        return environment().createSession(model.toString(), cpuOptions);
    }

    /**
     * Closes sessions, all of them even if one fails: a failure to free native memory is logged,
     * as nothing could be done about it at that point anyway.
     */
    public static void closeAll(List<OrtSession> sessions) {
        for (OrtSession s : sessions) {
            try {
                s.close();
            } catch (OrtException e) {
                LOG.warn("Closing an ONNX Runtime session failed", e);
            }
        }
        sessions.clear();
    }

    @Override
    public void close() {
        cpuOptions.close();
        if (cudaOptions != null) {
            cudaOptions.close();
        }
    }

    private static SessionOptions baseOptions(RuntimeOptions options) throws OrtException {
        SessionOptions o = new SessionOptions();
        o.setIntraOpNumThreads(options.intraOpThreads());
        // Task slots already give parallelism across calls; inter-op threads would compete with them.
        o.setInterOpNumThreads(1);
        o.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
        o.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
        return o;
    }

    private String cudaUnavailableReason(Exception e) {
        boolean inBuild = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        String why = inBuild
                ? "the CUDA execution provider did not start (" + e.getMessage() + "); check CUDA 12, cuDNN 9 and the driver"
                : "this ONNX Runtime build has no CUDA execution provider (the CPU jar is on the classpath;"
                        + " build with -Pcuda for onnxruntime_gpu)";
        return options.device() + " requested but " + why;
    }

    private void fallBackAtCreation(OrtException e) {
        cudaOptions.close();
        cudaOptions = null;
        fallBack(options.device() + " requested but a session failed to open on it (" + e.getMessage() + ")");
    }

    private void fallBack(String reason) {
        LOG.warn("Running on the CPU: {}", reason);
        choice = DeviceChoice.fellBack(options.device(), reason);
    }
}
