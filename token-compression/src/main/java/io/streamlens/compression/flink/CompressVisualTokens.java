package io.streamlens.compression.flink;

import io.streamlens.compression.CompressionChain;
import io.streamlens.compression.TokenWindow;
import io.streamlens.compression.VisualTokens;
import java.util.Objects;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Compresses each window's visual tokens with a chain fixed at construction.
 *
 * <p>Stateless: every window is compressed on its own. The {@code temporal} operation therefore
 * compares frames only within a window, and a window's first frame keeps all its tokens. Carrying the
 * reference across windows is left to the caller: the window operator upstream can pass the previous
 * window's last frame as the first frame of the next {@link TokenWindow} and drop that frame's tokens
 * (frame index 0) from the result, if the saving is worth the extra work.
 */
public final class CompressVisualTokens implements MapFunction<TokenWindow, VisualTokens> {

    private static final long serialVersionUID = 1L;

    private final CompressionChain chain;

    public CompressVisualTokens(CompressionChain chain) {
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    @Override
    public VisualTokens map(TokenWindow window) {
        return chain.compress(window);
    }
}
