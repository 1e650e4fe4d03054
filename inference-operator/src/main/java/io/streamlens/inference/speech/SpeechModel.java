package io.streamlens.inference.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The Vosk English model, loaded once per JVM and shared by every stream's recogniser (it is
 * about 70 MB of graph in memory and read-only). Each {@link #acquire} is matched by a
 * {@link #close}; the native model is freed when the last user closes, so a Flink task manager
 * that opens and closes operators does not leak it.
 *
 * <pre>{@code
 * try (SpeechModel model = SpeechModel.acquire(ModelCache.defaultRoot());
 *      StreamTranscriber transcriber = new StreamTranscriber(model)) { ... }
 * }</pre>
 */
public final class SpeechModel implements AutoCloseable {
    private static Model shared;
    private static Path sharedDirectory;
    private static int users;

    private final Path directory;
    private boolean closed;

    private SpeechModel(Path directory) {
        this.directory = directory;
    }

    /** The shared model, unpacked under {@code cacheRoot} if it is not there yet. */
    public static SpeechModel acquire(Path cacheRoot) {
        Path directory = ModelCache.modelDirectory(cacheRoot);
        synchronized (SpeechModel.class) {
            if (shared == null) {
                LibVosk.setLogLevel(LogLevel.WARNINGS); // Kaldi logs every model file it reads at INFO
                try {
                    shared = new Model(directory.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException("Vosk cannot load the model in " + directory, e);
                }
                sharedDirectory = directory;
            }
            users++;
            return new SpeechModel(sharedDirectory);
        }
    }

    /** Where the model's files are. */
    public Path directory() {
        return directory;
    }

    /** A new native recogniser for 16 kHz audio that reports word times; the caller closes it. */
    Recognizer newRecognizer() {
        synchronized (SpeechModel.class) {
            if (closed) {
                throw new IllegalStateException("the speech model was closed");
            }
            try {
                Recognizer recognizer = new Recognizer(shared, StreamTranscriber.SAMPLE_RATE);
                recognizer.setWords(true);
                return recognizer;
            } catch (IOException e) {
                throw new UncheckedIOException("Vosk cannot create a recogniser", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (SpeechModel.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (--users == 0) {
                shared.close();
                shared = null;
                sharedDirectory = null;
            }
        }
    }
}
