package io.streamlens.sampler;

/**
 * JavaCPP refuses to allocate once the process's resident memory exceeds {@code -Xmx}
 * ("Physical memory usage is too high"). A Flink TaskManager is sized with a small heap and
 * large managed, network and native memory (RocksDB, ONNX Runtime, FFmpeg), so its resident size
 * is above the heap by design; Flink's own process limits are what bound it. Likewise JavaCPP's
 * count of the native bytes it allocated: past {@code -Xmx} it calls {@code System.gc()} and
 * {@code malloc_trim} on every allocation, which under load took a fifth of the decoder's thread
 * (thread samples of 8 live streams); every FFmpeg object here is released explicitly.
 */
public final class JavaCppMemory {
    private static final String MAX_PHYSICAL = "org.bytedeco.javacpp.maxPhysicalBytes";
    private static final String MAX_BYTES = "org.bytedeco.javacpp.maxBytes";

    private JavaCppMemory() {
    }

    /** Call before JavaCPP's first use in the process; a value set with {@code -D} is kept. */
    public static void allowBeyondHeap() {
        for (String limit : new String[] {MAX_PHYSICAL, MAX_BYTES}) {
            if (System.getProperty(limit) == null) {
                System.setProperty(limit, "0");
            }
        }
    }
}
