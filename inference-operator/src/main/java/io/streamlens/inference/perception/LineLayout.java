package io.streamlens.inference.perception;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Joins detected boxes into lines and puts lines in reading order.
 *
 * <p>At higher resolutions the detector splits a line at word gaps; recognised separately, the
 * pieces lose their spaces and short ones come back as stray fragments. So boxes on the same line
 * (overlapping vertically by at least half the smaller height, of similar height) that touch or
 * nearly touch are merged before recognition.
 */
public final class LineLayout {

    /** Boxes this close (as a fraction of the smaller height) count as touching. */
    static final double TOUCH_GAP = 0.5;
    /** Boxes whose heights differ more than this factor are different text (a title and a caption). */
    static final double MAX_HEIGHT_RATIO = 1.8;

    private LineLayout() {
    }

    static List<TextBox> mergeLines(List<TextBox> boxes) {
        List<TextBox> merged = new ArrayList<>(boxes);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < merged.size(); i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    if (sameLineAndTouching(merged.get(i), merged.get(j))) {
                        merged.set(i, merged.get(i).union(merged.get(j)));
                        merged.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return merged;
    }

    static boolean sameLineAndTouching(TextBox a, TextBox b) {
        int minH = Math.min(a.height(), b.height());
        int maxH = Math.max(a.height(), b.height());
        return maxH <= MAX_HEIGHT_RATIO * minH
                && a.verticalOverlap(b) >= minH / 2.0
                && a.horizontalGap(b) <= TOUCH_GAP * minH;
    }

    /** Top to bottom by rows (a box whose centre lies within a row's first box joins it), left to right within a row. */
    public static <T> List<T> readingOrder(List<T> items, Function<T, TextBox> box) {
        List<T> byTop = new ArrayList<>(items);
        byTop.sort(Comparator.comparingInt(t -> box.apply(t).y()));
        List<T> ordered = new ArrayList<>(items.size());
        List<T> row = new ArrayList<>();
        TextBox rowHead = null;
        for (T item : byTop) {
            TextBox b = box.apply(item);
            if (rowHead != null && (b.centerY() < rowHead.y() || b.centerY() > rowHead.bottom())) {
                row.sort(Comparator.comparingInt(t -> box.apply(t).x()));
                ordered.addAll(row);
                row.clear();
                rowHead = null;
            }
            if (rowHead == null) {
                rowHead = b;
            }
            row.add(item);
        }
        row.sort(Comparator.comparingInt(t -> box.apply(t).x()));
        ordered.addAll(row);
        return ordered;
    }
}
