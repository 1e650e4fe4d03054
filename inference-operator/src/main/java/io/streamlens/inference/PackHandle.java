package io.streamlens.inference;

import io.streamlens.inference.perception.PerceptionPack;
import io.streamlens.inference.vlm.VlmPack;

/** One user's share of a pack from {@link SharedSessions}; closing it releases that share once. */
public final class PackHandle implements AutoCloseable {

    private final ModelPack pack;
    private final Runnable release;
    private boolean released;

    PackHandle(ModelPack pack, Runnable release) {
        this.pack = pack;
        this.release = release;
    }

    public ModelPack pack() {
        return pack;
    }

    /** The pack as a {@code vlm} pack; fails naming the pack's kind otherwise. */
    public VlmPack vlm() {
        if (pack instanceof VlmPack v) {
            return v;
        }
        throw new IllegalStateException("model pack " + pack.name() + " is a " + pack.kind().code() + " pack, not vlm");
    }

    /** The pack as a {@code perception} pack; fails naming the pack's kind otherwise. */
    public PerceptionPack perception() {
        if (pack instanceof PerceptionPack p) {
            return p;
        }
        throw new IllegalStateException("model pack " + pack.name() + " is a " + pack.kind().code()
                + " pack, not perception");
    }

    @Override
    public synchronized void close() {
        if (!released) {
            released = true;
            release.run();
        }
    }
}
