package io.streamlens.deploy.bench;

import io.streamlens.records.Json;
import java.io.PrintStream;

/**
 * Where every benchmark writes its results: one JSON object per line (a record or a map, through
 * the project's one JSON mapping), flushed at once so that a long run shows its progress.
 */
public final class JsonLines {
    private final PrintStream out;

    public JsonLines(PrintStream out) {
        this.out = out;
    }

    public void write(Object line) {
        out.println(Json.write(line));
        out.flush();
    }

    /** {@code value} rounded to {@code decimals} places, so that lines carry no false precision. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
