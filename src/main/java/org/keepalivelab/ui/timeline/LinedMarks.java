package org.keepalivelab.ui.timeline;

import java.util.Arrays;
import javafx.scene.text.TextAlignment;

/**
 * Marks drawn as a line with words beside it, as a frame lays them out: the user's actions, the
 * applications' events. Per entry: where its line is, which item of its lane it stands for, and its
 * words with the span they cover, right of the line or (near the plot's right edge) left of it; none
 * where they would run into others. Reused frame after frame.
 */
abstract class LinedMarks {
    private int count;
    private double[] xs = new double[16];
    private int[] items = new int[16];
    private String[] labels = new String[16];
    private double[] lefts = new double[16];
    private double[] rights = new double[16];

    final void clear() {
        count = 0;
    }

    /** Adds an entry: its line at {@code x}, its words {@code label} (or {@code null}) over {@code left..right}. */
    final void add(double x, int item, String label, double left, double right) {
        if (count == xs.length) {
            int n = count * 2;
            xs = Arrays.copyOf(xs, n);
            items = Arrays.copyOf(items, n);
            labels = Arrays.copyOf(labels, n);
            lefts = Arrays.copyOf(lefts, n);
            rights = Arrays.copyOf(rights, n);
        }
        xs[count] = x;
        items[count] = item;
        labels[count] = label;
        lefts[count] = left;
        rights[count] = right;
        count++;
    }

    /** The gap between entry {@code k}'s line and its words. */
    abstract double gap(int k);

    final int count() {
        return count;
    }

    final double x(int k) {
        return xs[k];
    }

    /** The item entry {@code k} stands for: its index in its lane's list or row. */
    final int item(int k) {
        return items[k];
    }

    /** The entry's words, or {@code null} where it has none. */
    final String label(int k) {
        return labels[k];
    }

    /** Whether the words lie left of the line (near the plot's right edge), drawn right-aligned. */
    final boolean labelLeftOfLine(int k) {
        return lefts[k] < xs[k];
    }

    final TextAlignment labelAlignment(int k) {
        return labelLeftOfLine(k) ? TextAlignment.RIGHT : TextAlignment.LEFT;
    }

    /** Where the words start, or end where they lie left of the line; a label continuing another starts where it was placed. */
    final double labelX(int k) {
        return labelLeftOfLine(k) ? xs[k] - gap(k) : Math.max(xs[k] + gap(k), lefts[k]);
    }

    /**
     * The latest entry whose line lies within {@code reach} px of {@code x}, else the one whose words
     * lie under it (a line is the smaller target, and drawn over others' words); -1 for none.
     */
    final int at(double x, double reach) {
        int best = lineAt(0, count, x, reach);
        for (int k = 0; k < count && best < 0; k++) {
            if (labels[k] != null && x >= lefts[k] && x <= rights[k]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Where a label {@code width} wide goes inside {@code left..right} clear of every entry's words by
     * {@code gap}, its middle as near {@code middle} as it can: its left edge, or NaN where no free
     * stretch holds it. A stretch starts at {@code left} or just after an entry's words and ends
     * at the next words or at {@code right}; few labels share a row, so trying each is cheap and
     * allocates nothing.
     */
    final double clearPlace(double left, double right, double width, double gap, double middle) {
        double best = Double.NaN;
        for (int k = -1; k < count; k++) {
            if (k >= 0 && labels[k] == null) {
                continue;
            }
            double start = k < 0 ? left : rights[k] + gap;
            if (start < left || start + width > right || blocked(start, gap)) {
                continue;
            }
            double end = right;
            for (int j = 0; j < count; j++) {
                if (labels[j] != null && lefts[j] - gap >= start) {
                    end = Math.min(end, lefts[j] - gap);
                }
            }
            if (end - start < width) {
                continue;
            }
            double place = Math.clamp(middle - width / 2, start, end - width);
            if (Double.isNaN(best) || Math.abs(place + width / 2 - middle) < Math.abs(best + width / 2 - middle)) {
                best = place;
            }
        }
        return best;
    }

    /** Whether {@code x} lies on some entry's words or within {@code gap} of them. */
    private boolean blocked(double x, double gap) {
        for (int k = 0; k < count; k++) {
            if (labels[k] != null && x > lefts[k] - gap && x < rights[k] + gap) {
                return true;
            }
        }
        return false;
    }

    /** Among entries {@code from..to-1}, the latest whose line lies within {@code reach} px of {@code x}; -1 for none. */
    final int lineAt(int from, int to, double x, double reach) {
        int best = -1;
        for (int k = from; k < to; k++) {
            if (Math.abs(x - xs[k]) <= reach && (best < 0 || items[k] > items[best])) {
                best = k;
            }
        }
        return best;
    }
}
