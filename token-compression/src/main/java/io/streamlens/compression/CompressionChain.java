package io.streamlens.compression;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Token operations applied in the order declared, written as a chain string such as
 * {@code pool:2,temporal:0.9,budget:256}; the empty string is the identity.
 *
 * <pre>{@code
 * CompressionChain chain = CompressionChain.parse("pool:2,temporal:0.9,budget:256")
 *         .validateFor(Set.of("pool", "temporal", "merge", "budget"));
 * KeptTokens kept = chain.compress(window);
 * }</pre>
 *
 * <p>Operations that reshape the grid ({@code pool}, {@code shuffle}) need every cell, so they must
 * come before any that drop tokens ({@code temporal}, {@code merge}, {@code budget}); a chain in
 * another order is refused rather than given a meaning nobody asked for. Immutable and
 * serializable, so a Flink function can hold one.
 */
public final class CompressionChain implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every operation name a chain may use. */
    public static final Set<String> OPERATIONS = Set.of("pool", "shuffle", "temporal", "merge", "budget");

    private final List<TokenOperation> operations;

    private CompressionChain(List<TokenOperation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** A chain of the given operations, refused if a grid-reshaping one follows one that drops tokens. */
    public static CompressionChain of(TokenOperation... operations) {
        List<TokenOperation> list = Arrays.asList(operations);
        String problem = orderProblem(list);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new CompressionChain(list);
    }

    /**
     * Parses a chain string; refuses a bad one with an {@link IllegalArgumentException} that names
     * the part at fault and quotes the chain.
     */
    public static CompressionChain parse(String chain) {
        Objects.requireNonNull(chain, "chain");
        List<TokenOperation> operations = new ArrayList<>();
        if (!chain.isBlank()) {
            for (String part : chain.split(",", -1)) {
                operations.add(parsePart(part.strip(), chain));
            }
        }
        String problem = orderProblem(operations);
        if (problem != null) {
            throw new IllegalArgumentException(problem + " in '" + chain + "'");
        }
        return new CompressionChain(operations);
    }

    private static TokenOperation parsePart(String part, String chain) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty operation in '" + chain + "'");
        }
        List<String> words = Arrays.stream(part.split(":", -1)).map(String::strip).toList();
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        try {
            return switch (name) {
                case "pool" -> SpatialPool.parse(args);
                case "shuffle" -> PixelShuffle.parse(args);
                case "temporal" -> TemporalPrune.parse(args);
                case "merge" -> SimilarityMerge.parse(args);
                case "budget" -> NoveltyBudget.parse(args);
                default -> throw new IllegalArgumentException("unknown operation '" + name + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + chain + "'", e);
        }
    }

    /** Why the order is invalid, or null when a reshaping operation never follows a dropping one. */
    private static String orderProblem(List<TokenOperation> operations) {
        TokenOperation firstDropping = null;
        for (TokenOperation op : operations) {
            Objects.requireNonNull(op, "operation");
            if (!op.needsFullGrid()) {
                firstDropping = firstDropping == null ? op : firstDropping;
            } else if (firstDropping != null) {
                return op.name() + " must come before " + firstDropping.name()
                        + ": it needs every cell of the grid, and " + firstDropping.name() + " may drop some";
            }
        }
        return null;
    }

    /**
     * Refuses this chain if it uses an operation a model pack's projector does not accept (say, a
     * second pixel shuffle for an encoder that already does one).
     *
     * @param allowed the operation names the pack accepts
     * @return this chain, for chaining
     */
    public CompressionChain validateFor(Set<String> allowed) {
        Set<String> refused = new TreeSet<>(operationNames());
        refused.removeAll(allowed);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("chain '" + this + "' uses " + refused.stream()
                    .map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + ", which the model pack does not accept (it accepts: "
                    + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))) + ")");
        }
        return this;
    }

    public List<TokenOperation> operations() {
        return operations;
    }

    /** The names of the operations used, in order of first use. */
    public Set<String> operationNames() {
        Set<String> names = new LinkedHashSet<>();
        for (TokenOperation op : operations) {
            names.add(op.name());
        }
        return names;
    }

    /** Compresses one window's grids, keeping provenance for {@link Fidelity}. */
    public Compressed run(List<TokenGrid> frames) {
        Tokens tokens = Tokens.of(frames);
        Provenance provenance = Provenance.identity(tokens.count());
        for (TokenOperation op : operations) {
            Reduced step = op.apply(tokens);
            provenance = provenance.then(step);
            tokens = step.output();
        }
        return new Compressed(tokens, provenance, frames.get(0).dim());
    }

    /** Compresses a window into the record that travels downstream. */
    public KeptTokens compress(TokenWindow window) {
        return run(window.frames()).toVisualTokens(window.streamId(), window.startMs(), window.endMs());
    }

    /** The chain string, canonical: parsing it gives an equal chain. */
    @Override
    public String toString() {
        return operations.stream().map(TokenOperation::spec).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompressionChain c && operations.equals(c.operations);
    }

    @Override
    public int hashCode() {
        return operations.hashCode();
    }
}
