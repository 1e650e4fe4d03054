package io.streamlens.compression;

/**
 * For every encoder token of a window, the kept token that stands for it and where its channels
 * start inside that token: the per-operation maps of {@link Reduced}, composed. Two ints per encoder
 * token, so tracking it costs far less than the operations themselves.
 */
public final class Provenance {

    private final int[] kept;
    private final int[] offset;

    private Provenance(int[] kept, int[] offset) {
        this.kept = kept;
        this.offset = offset;
    }

    /** Each of {@code tokens} encoder tokens stands for itself. */
    public static Provenance identity(int tokens) {
        int[] kept = new int[tokens];
        for (int i = 0; i < tokens; i++) {
            kept[i] = i;
        }
        return new Provenance(kept, new int[tokens]);
    }

    /** Follows every encoder token through one more operation. */
    public Provenance then(Reduced step) {
        int[] nextKept = new int[kept.length];
        int[] nextOffset = new int[kept.length];
        int[] representative = step.representative();
        int[] stepOffset = step.offset();
        for (int i = 0; i < kept.length; i++) {
            int current = kept[i];
            nextKept[i] = representative[current];
            nextOffset[i] = stepOffset[current] + offset[i];
        }
        return new Provenance(nextKept, nextOffset);
    }

    /** Encoder tokens tracked. */
    public int size() {
        return kept.length;
    }

    /** Window-wide number of the kept token standing for encoder token {@code i}. */
    public int keptToken(int i) {
        return kept[i];
    }

    /** Where encoder token {@code i}'s channels start inside its kept token. */
    public int channelOffset(int i) {
        return offset[i];
    }
}
