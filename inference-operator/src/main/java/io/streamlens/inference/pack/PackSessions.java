package io.streamlens.inference.pack;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamlens.inference.runtime.SessionFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the files of one pack while it is being checked: a missing or unloadable file becomes a
 * problem instead of an exception, and every session opened is closed again unless the finished
 * pack {@link #keep() keeps} them.
 */
public final class PackSessions implements AutoCloseable {

    private final PackSource source;
    private final SessionFactory factory;
    private final Problems problems;
    private final List<OrtSession> sessions = new ArrayList<>();
    private boolean kept;

    public PackSessions(PackSource source, SessionFactory factory, Problems problems) {
        this.source = source;
        this.factory = factory;
        this.problems = problems;
    }

    /** Whether the file is there; notes it as missing if not. */
    public boolean present(String file) {
        if (source.exists(file)) {
            return true;
        }
        problems.add(file + ": missing from " + source.describe());
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
            problems.add(file + ": unreadable (" + e.getMessage() + ")");
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
            problems.add(file + ": ONNX Runtime cannot load it (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** Hands the sessions over to the pack that now owns them. */
    public List<OrtSession> keep() {
        kept = true;
        return new ArrayList<>(sessions);
    }

    @Override
    public void close() {
        if (!kept) {
            SessionFactory.closeAll(sessions);
        }
    }
}
