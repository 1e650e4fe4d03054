package io.streamlens.sampler;

/**
 * JavaCPP refuses to allocate once the process's resident memory exceeds {@code -Xmx}
 * ("Physical memory usage is too high"). A Flink TaskManager is sized with a small heap and
 * large managed, network and native memory (RocksDB, ONNX Runtime, FFmpeg), so its resident size
 * is above the heap by design; Flink's own process limits are what bound it.
 */
public final class JavaCppMemory {
    private static final String MAX_PHYSICAL = "org.bytedeco.javacpp.maxPhysicalBytes";

    private JavaCppMemory() {
    }

    /** Call before JavaCPP's first use in the process; a value set with {@code -D} is kept. */
    public static void allowBeyondHeap() {
        if (System.getProperty(MAX_PHYSICAL) == null) {
            System.setProperty(MAX_PHYSICAL, "0");
        }
    }
}
