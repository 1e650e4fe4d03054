package io.streamlens.sampler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs one-time native set-up (unpacking models, loading JavaCPP and JNA libraries) where Flink's
 * interrupts cannot reach it. Flink interrupts a task thread to cancel it, for instance when
 * another task of the job fails; a library interrupted half-loaded inside a static initializer
 * leaves its class unusable for the life of the classloader ("Could not initialize class …"),
 * so every restart of the job on that TaskManager would fail the same way.
 */
public final class Uninterruptible {
    private Uninterruptible() {
    }

    /** Loads FFmpeg's libraries, which JavaCPP extracts under a file lock that an interrupt breaks. */
    public static void loadFfmpeg() {
        JavaCppMemory.allowBeyondHeap();
        call("load FFmpeg", () -> {
            org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
            org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
            org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
            org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
            org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swresample.class);
            return null;
        });
    }

    public static <T> T call(String what, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, what);
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // finish the set-up first; the caller sees the interrupt afterwards
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new CompletionException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
