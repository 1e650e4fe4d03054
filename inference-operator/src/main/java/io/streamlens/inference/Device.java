package io.streamlens.inference;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where a model should run: {@code cpu}, {@code cuda} (device 0) or {@code cuda:N}.
 *
 * @param kind CPU or CUDA
 * @param index the CUDA device ordinal; 0 for the CPU
 */
public record Device(Kind kind, int index) implements Serializable {

    public enum Kind { CPU, CUDA }

    public static final Device CPU = new Device(Kind.CPU, 0);

    public Device {
        if (index < 0 || (kind == Kind.CPU && index != 0)) {
            throw new IllegalArgumentException("no device " + kind + ":" + index);
        }
    }

    public static Device cuda(int index) {
        return new Device(Kind.CUDA, index);
    }

    /** Parses {@code cpu}, {@code cuda} or {@code cuda:N}, as the {@code --device} option takes them. */
    public static Device parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cpu")) {
            return CPU;
        }
        if (s.equals("cuda")) {
            return cuda(0);
        }
        if (s.startsWith("cuda:")) {
            try {
                return cuda(Integer.parseInt(s.substring(5)));
            } catch (IllegalArgumentException e) {
                // falls through to the message naming the accepted forms
            }
        }
        throw new IllegalArgumentException("unknown device '" + text + "': expected cpu, cuda or cuda:N");
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
