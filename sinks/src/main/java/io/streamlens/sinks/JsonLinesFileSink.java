package io.streamlens.sinks;

import io.streamlens.records.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Appends one JSON line per element to a local file: the outputs of {@code demo} and
 * {@code annotate}, which run the job on this machine. Run it with parallelism 1. Lines are
 * flushed at every checkpoint and at the end of input; after a restore, lines since the last
 * checkpoint may repeat (each carries its own id to deduplicate by). Production jobs write to
 * Kafka instead.
 */
public class JsonLinesFileSink<T> implements Sink<T> {
    private final String path;
    private final Projection<T> projection;

    /** Maps an element to the object written as its JSON line. */
    @FunctionalInterface
    public interface Projection<T> extends Function<T, Object>, Serializable {
    }

    public JsonLinesFileSink(Path path, Projection<T> projection) {
        this.path = path.toString();
        this.projection = projection;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Path file = Path.of(path);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return new Writer<>(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), projection);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final BufferedWriter out;
        private final Projection<T> projection;

        Writer(BufferedWriter out, Projection<T> projection) {
            this.out = out;
            this.projection = projection;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            out.write(Json.write(projection.apply(element)));
            out.newLine();
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
