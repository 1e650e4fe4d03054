package io.streamlens.compression;

import java.util.List;

/**
 * Parsing of the arguments after an operation's name. Messages name the operation and quote the
 * offending text; {@link CompressionChain#parse(String)} adds the whole chain.
 */
final class ChainArguments {

    private ChainArguments() {
    }

    static void requireCount(String op, List<String> args, int min, int max, String usage) {
        if (args.size() < min || args.size() > max) {
            throw new IllegalArgumentException(op + " takes " + (min == max ? "" + min : min + " to " + max)
                    + " argument" + (max == 1 ? "" : "s") + " (" + usage + "), got " + args.size());
        }
    }

    /** An integer ≥ {@code min}; {@code problem} reads like "pool needs a stride ≥ 1". */
    static int integer(String text, int min, String problem) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem + ", got '" + text + "'");
        }
        if (value < min) {
            throw new IllegalArgumentException(problem + ", got '" + text + "'");
        }
        return value;
    }

    /** A number in {@code (above, atMost]}. */
    static double number(String text, double above, double atMost, String problem) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem + ", got '" + text + "'");
        }
        if (!(value > above && value <= atMost)) {
            throw new IllegalArgumentException(problem + ", got '" + text + "'");
        }
        return value;
    }
}
