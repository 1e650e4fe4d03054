package io.streamlens.inference.pack;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.runtime.DeviceChoice;
import io.streamlens.inference.runtime.SessionFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the files of one pack while it is being checked: a missing or unloadable file becomes a
 * problem instead of an exception, and every session (and tokenizer) opened is closed again unless
 * the finished pack {@link #keep() keeps} them. {@link #open} is the one opening sequence of every
 * pack kind:
 *
 * <pre>{@code
 * return PackSessions.open(source, manifest, options, files -> {
 *     Optional<OrtSession> encoder = files.open(spec.encoder());
 *     files.problems().throwIfAny();
 *     return new MyPack(files.packName(), files.device(), files.keep(), ...);
 * });
 * }</pre>
 */
public final class PackSessions implements AutoCloseable {

    /** What a pack kind builds from its files; every problem it finds goes to {@link #problems()}. */
    @FunctionalInterface
    public interface Assembly<P> {
        P assemble(PackSessions files) throws OrtException;
    }

    private final PackSource source;
    private final Manifest manifest;
    private final SessionFactory factory;
    private final List<OrtSession> sessions = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();
    private boolean kept;

    private PackSessions(PackSource source, Manifest manifest, SessionFactory factory) {
        this.source = source;
        this.manifest = manifest;
        this.factory = factory;
    }

    /**
     * Opens a pack: a session factory for {@code options}, the pack's files opened and checked by
     * {@code assembly}, all problems found thrown together as one {@code InvalidModelPackException}.
     */
    public static <P> P open(PackSource source, Manifest manifest, RuntimeOptions options, Assembly<P> assembly) {
        Problems problems = manifest.problems();
        try (SessionFactory factory = new SessionFactory(options);
                PackSessions files = new PackSessions(source, manifest, factory)) {
            return assembly.assemble(files);
        } catch (OrtException e) {
            problems.add("ONNX Runtime could not set up sessions: " + e.getMessage());
            throw problems.toException();
        }
    }

    public Problems problems() {
        return manifest.problems();
    }

    /** The manifest's name, or where the pack came from when it has none. */
    public String packName() {
        return manifest.name().isEmpty() ? source.describe() : manifest.name();
    }

    /** The device the sessions run on. */
    public DeviceChoice device() {
        return factory.deviceChoice();
    }

    /** Closes {@code resource} (a tokenizer, say; null is fine) with the sessions unless the pack keeps them. */
    public <T extends AutoCloseable> T closedUnlessKept(T resource) {
        if (resource != null) {
            others.add(resource);
        }
        return resource;
    }

    /** Whether the file is there; notes it as missing if not. */
    public boolean present(String file) {
        if (source.exists(file)) {
            return true;
        }
        problems().add(file + ": missing from " + source.describe());
        return false;
    }

    /** The file's bytes, if it is there and readable; otherwise the problem is noted. */
    public Optional<byte[]> read(String file) {
        if (!present(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(source.read(file));
        } catch (IOException e) {
            problems().add(file + ": unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** A session on the file, by path where there is one; empty when it is missing or does not load. */
    public Optional<OrtSession> open(String file) {
        if (!present(file)) {
            return Optional.empty();
        }
        try {
            OrtSession session = source.path(file).isPresent()
                    ? factory.open(source.path(file).get())
                    : factory.open(source.read(file));
            sessions.add(session);
            return Optional.of(session);
        } catch (OrtException | IOException e) {
            problems().add(file + ": ONNX Runtime cannot load it (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** Hands the sessions, and what {@link #closedUnlessKept} holds, over to the pack that now owns them. */
    public List<OrtSession> keep() {
        kept = true;
        return new ArrayList<>(sessions);
    }

    @Override
    public void close() {
        if (kept) {
            return;
        }
        SessionFactory.closeAll(sessions);
        for (AutoCloseable other : others) {
            try {
                other.close();
            } catch (Exception e) {
                // thrown from try-with-resources, so it rides along as suppressed when opening failed
                throw new IllegalStateException("closing " + other + " failed", e);
            }
        }
    }
}
