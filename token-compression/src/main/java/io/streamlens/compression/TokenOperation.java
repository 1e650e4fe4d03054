package io.streamlens.compression;

import java.io.Serializable;

/**
 * One step of a {@link CompressionChain}. Implementations are immutable values holding only their
 * settings (so a chain can be shipped inside a Flink function); all working memory lives in
 * {@link #apply(Tokens)}.
 */
public interface TokenOperation extends Serializable {

    /** The name used in chain strings and model-pack declarations, e.g. {@code pool}. */
    String name();

    /** This operation as it would be written in a chain string, e.g. {@code pool:2:max}. */
    String spec();

    /**
     * Whether the operation needs every cell of the grid (it changes the grid's shape), and so must
     * run before any operation that drops tokens.
     */
    default boolean needsFullGrid() {
        return false;
    }

    /** Compresses a window's tokens; never writes into {@code in}'s arrays. */
    Reduced apply(Tokens in);
}
