package io.streamlens.compression;

import java.util.Arrays;

/**
 * Merges one frame's tokens down to a target count by rounds of ToMe's bipartite soft matching.
 *
 * <p>Each round splits the surviving tokens, in raster order, alternately into sets A and B; finds
 * each A token's most similar B token by cosine; and merges the best-matched A tokens into their B
 * partners with size-weighted averages, so a merged token is the mean of every encoder token it
 * absorbed. Several A tokens may merge into one B. A merged token keeps its B token's cell. A round
 * merges the best {@code r} edges, {@code r} being what the target still needs but at most three
 * quarters of A, so the weakest edges wait for a round with a new partition; 729 tokens reach 128 in
 * four rounds. On real footage this kept clearly more than merging all of A at once (mean cosine
 * 0.983 against 0.966, 5th percentile 0.925 against 0.834, on cockatoo.mp4 at 24×24 patches; 0.990
 * against 0.976 on a phone video) at about the same cost, and as much as merging half (0.982), which
 * takes more rounds: real frames hold clusters of near-duplicate tokens that should collapse before
 * distinct tokens are forced together, which is ToMe's premise. (Synthetic grids, where every token
 * carries equal independent noise, prefer full rounds, 0.908 against 0.896; real frames decide.)
 *
 * <p>Exact matching compares every A with every B: about 150 M multiply-adds in the first round of a
 * 27×27×1152 SigLIP frame, 80–90 ms per frame in all on one core. Sketched matching ranks all B
 * tokens for each A by {@link SignSketch} (32 numbers instead of 1152), then lets exact cosine choose
 * among the best {@value #SHORTLIST}. On real footage it kept as much as exact matching (mean cosine
 * 0.9826 against 0.9828 on cockatoo.mp4) at a fourteenth of the time, where searching only nearby
 * cells lost (0.911 against 0.967 in an earlier full-round version): similar patches are often far
 * apart. Shortlists of 2, 3 and 6 measured within 0.001 of 4. A round with no more B tokens than the
 * shortlist, or a zero token (whose sketch ranks nothing), is matched exactly.
 */
final class BipartiteMerge {

    /** B tokens a sketched search passes on to exact cosine (unrolled into four locals below). */
    static final int SHORTLIST = 4;
    /** Share of A a round may merge, in quarters. */
    private static final int ROUND_SHARE_QUARTERS = 3;

    private final FrameTokens frame;
    private final int dim;
    private final boolean exact;
    private final float[] values;
    private final float[] squaredNorms;
    private final int[] sizes;
    private final int[] parent;
    private final float[] sketches;
    private int[] alive;
    private int aliveCount;

    // Scratch space for sketched search, reused across A tokens and rounds.
    private final float[][] bSketchRows;
    private final float[] sketchScores;
    /** Score of the match the last search returned; a field so the search allocates nothing. */
    private float matchScore;

    /**
     * @param work at least {@code frame.count() * dim} floats to merge in, overwritten; one buffer
     *     serves every frame of a window, sparing the collector a multi-megabyte copy per frame
     */
    BipartiteMerge(FrameTokens frame, int dim, boolean exact, float[] work) {
        this.frame = frame;
        this.dim = dim;
        this.exact = exact;
        int n = frame.count();
        values = work;
        System.arraycopy(frame.values(), 0, values, 0, n * dim);
        sizes = frame.sizes().clone();
        squaredNorms = new float[n];
        parent = new int[n];
        Arrays.fill(parent, -1);
        alive = Cells.all(n);
        aliveCount = n;
        boolean sketched = !exact && n / 2 > SHORTLIST;
        sketches = sketched ? new SignSketch(dim).sketchAll(values, n, squaredNorms) : null;
        if (!sketched) {
            for (int t = 0; t < n; t++) {
                squaredNorms[t] = Vectors.squaredNorm(values, t * dim, dim);
            }
        }
        // One row per sketch number, B tokens along it: the score loop then reads and writes at the
        // same index, the only form JDK 17's C2 vectorises when it cannot rule out two arrays aliasing.
        bSketchRows = sketched ? new float[SignSketch.WIDTH][n / 2] : null;
        sketchScores = sketched ? new float[n / 2] : null;
    }

    /**
     * Merges down to {@code target} tokens and returns them; fills {@code representative} for this
     * frame's tokens, numbered from {@code inBase}, with window-wide output numbers from {@code outBase}.
     */
    FrameTokens mergeTo(int target, int[] representative, int inBase, int outBase) {
        while (aliveCount > target && aliveCount > 1) {
            round(target);
        }
        return survivors(representative, inBase, outBase);
    }

    /** One round of matching and merging. */
    private void round(int target) {
        int aCount = (aliveCount + 1) / 2;
        int bCount = aliveCount / 2;
        boolean sketched = !exact && bCount > SHORTLIST;
        if (sketched) {
            fillBSketchRows(bCount);
        }
        int[] bestB = new int[aCount];
        long[] rankedEdges = new long[aCount];
        for (int k = 0; k < aCount; k++) {
            int a = alive[2 * k];
            bestB[k] = sketched ? bestSketchedMatch(a, bCount) : bestExactMatch(a, bCount);
            rankedEdges[k] = edgeKey(matchScore, k);
        }
        Arrays.sort(rankedEdges);
        int merges = Math.min(aliveCount - target, (aCount * ROUND_SHARE_QUARTERS + 3) / 4);
        for (int e = aCount - 1; e >= aCount - merges; e--) {
            int k = edgeA(rankedEdges[e]);
            absorb(bestB[k], alive[2 * k]);
        }
        compactAlive();
    }

    private int bestExactMatch(int a, int bCount) {
        matchScore = Float.NEGATIVE_INFINITY;
        int best = -1;
        for (int j = 0; j < bCount; j++) {
            int b = alive[2 * j + 1];
            float score = similarity(a, b);
            if (score > matchScore) {
                matchScore = score;
                best = b;
            }
        }
        return best;
    }

    /** Shortlists the B tokens whose sketches are most similar to {@code a}'s, then picks by exact cosine. */
    private int bestSketchedMatch(int a, int bCount) {
        if (squaredNorms[a] == 0) {
            return bestMatchForZero(bCount);
        }
        scoreAgainstB(a, bCount);
        float[] scores = sketchScores;
        // The four best so far, best first, in locals: no array writes or calls in the hot loop.
        float s0 = Float.NEGATIVE_INFINITY, s1 = s0, s2 = s0, s3 = s0;
        int j0 = -1, j1 = -1, j2 = -1, j3 = -1;
        for (int j = 0; j < bCount; j++) {
            float s = scores[j];
            if (s > s3) {
                if (s > s1) {
                    s3 = s2;
                    j3 = j2;
                    s2 = s1;
                    j2 = j1;
                    if (s > s0) {
                        s1 = s0;
                        j1 = j0;
                        s0 = s;
                        j0 = j;
                    } else {
                        s1 = s;
                        j1 = j;
                    }
                } else if (s > s2) {
                    s3 = s2;
                    j3 = j2;
                    s2 = s;
                    j2 = j;
                } else {
                    s3 = s;
                    j3 = j;
                }
            }
        }
        matchScore = Float.NEGATIVE_INFINITY;
        int best = closer(a, j0, -1);
        best = closer(a, j1, best);
        best = closer(a, j2, best);
        return closer(a, j3, best);
    }

    /**
     * A zero token (a black patch scaled to [0, 1], say) has a zero sketch, which ranks nothing; by
     * exact cosine it is identical to any other zero token and unlike the rest, so take the first
     * zero B token, or the first B token when there is none.
     */
    private int bestMatchForZero(int bCount) {
        for (int j = 0; j < bCount; j++) {
            int b = alive[2 * j + 1];
            if (squaredNorms[b] == 0) {
                matchScore = 1;
                return b;
            }
        }
        matchScore = 0;
        return alive[1];
    }

    /** The closer to {@code a} by exact cosine of {@code best} and the {@code j}-th B token, if any. */
    private int closer(int a, int j, int best) {
        if (j < 0) {
            return best;
        }
        int b = alive[2 * j + 1];
        float score = similarity(a, b);
        if (score > matchScore || (score == matchScore && b < best)) {
            matchScore = score;
            return b;
        }
        return best;
    }

    /**
     * Fills {@link #sketchScores} with the sketch cosine of {@code a} and each B token. Four sketch
     * rows per pass, all indexed alike so C2 vectorises the loop, and a quarter of the passes over
     * the scores.
     */
    private void scoreAgainstB(int a, int bCount) {
        float[] scores = sketchScores;
        Arrays.fill(scores, 0, bCount, 0f);
        int from = a * SignSketch.WIDTH;
        float scale = inverseNorm(sketches, from);
        for (int k = 0; k < SignSketch.WIDTH; k += 4) {
            float a0 = sketches[from + k] * scale;
            float a1 = sketches[from + k + 1] * scale;
            float a2 = sketches[from + k + 2] * scale;
            float a3 = sketches[from + k + 3] * scale;
            float[] r0 = bSketchRows[k];
            float[] r1 = bSketchRows[k + 1];
            float[] r2 = bSketchRows[k + 2];
            float[] r3 = bSketchRows[k + 3];
            for (int j = 0; j < bCount; j++) {
                scores[j] += a0 * r0[j] + a1 * r1[j] + a2 * r2[j] + a3 * r3[j];
            }
        }
    }

    /** Normalised sketches of this round's B tokens, transposed into {@link #bSketchRows}. */
    private void fillBSketchRows(int bCount) {
        for (int j = 0; j < bCount; j++) {
            int b = alive[2 * j + 1];
            float scale = inverseNorm(sketches, b * SignSketch.WIDTH);
            for (int k = 0; k < SignSketch.WIDTH; k++) {
                bSketchRows[k][j] = sketches[b * SignSketch.WIDTH + k] * scale;
            }
        }
    }

    private static float inverseNorm(float[] v, int from) {
        float squared = Vectors.squaredNorm(v, from, SignSketch.WIDTH);
        return squared == 0 ? 0 : (float) (1 / Math.sqrt(squared));
    }

    private float similarity(int a, int b) {
        float dot = Vectors.dot(values, a * dim, values, b * dim, dim);
        return (float) Vectors.cosine(dot, squaredNorms[a], squaredNorms[b]);
    }

    /** Folds {@code a} into {@code b}: the size-weighted mean of everything both stand for. */
    private void absorb(int b, int a) {
        float total = sizes[a] + sizes[b];
        float wb = sizes[b] / total;
        float wa = sizes[a] / total;
        squaredNorms[b] = Vectors.blend(values, b * dim, wb, values, a * dim, wa, dim);
        if (sketches != null) {
            Vectors.blend(sketches, b * SignSketch.WIDTH, wb, sketches, a * SignSketch.WIDTH, wa, SignSketch.WIDTH);
        }
        sizes[b] += sizes[a];
        parent[a] = b;
    }

    private void compactAlive() {
        int kept = 0;
        for (int j = 0; j < aliveCount; j++) {
            if (parent[alive[j]] < 0) {
                alive[kept++] = alive[j];
            }
        }
        aliveCount = kept;
    }

    private FrameTokens survivors(int[] representative, int inBase, int outBase) {
        int n = frame.count();
        int[] outIndex = new int[n];
        float[] keptValues = new float[aliveCount * dim];
        int[] keptCells = new int[aliveCount];
        int[] keptSizes = new int[aliveCount];
        for (int j = 0; j < aliveCount; j++) {
            int t = alive[j];
            outIndex[t] = j;
            System.arraycopy(values, t * dim, keptValues, j * dim, dim);
            keptCells[j] = frame.cells()[t];
            keptSizes[j] = sizes[t];
        }
        for (int t = 0; t < n; t++) {
            int root = t;
            while (parent[root] >= 0) {
                root = parent[root];
            }
            representative[inBase + t] = outBase + outIndex[root];
        }
        return new FrameTokens(frame.ptsUs(), frame.novelty(), keptValues, keptCells, keptSizes);
    }

    /**
     * Packs an edge's score and its A index into one long that sorts by score, ties broken towards
     * the earlier A token, so ranking needs no boxing or comparator.
     */
    private static long edgeKey(float score, int k) {
        int bits = Float.floatToIntBits(score);
        int ordered = bits >= 0 ? bits : bits ^ 0x7fffffff;
        return ((long) ordered << 32) | (Integer.MAX_VALUE - k);
    }

    private static int edgeA(long key) {
        return Integer.MAX_VALUE - (int) key;
    }
}
