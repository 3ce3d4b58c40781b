package org.keepalivelab.ui.timeline;

import java.util.Arrays;
import java.util.Locale;
import org.keepalivelab.model.SegmentRow;

/**
 * One side's segments as a frame draws them: only those in the window (each row binary-searched for
 * its first and last), and those closer than {@link #MERGE_PX} merged into one column, drawn as its
 * most telling mark (a lone RST among a thousand ACKs survives) and crossed out if a sever dropped
 * any of them. Per column: where it is, its mark, whether it gets a connector and an arrowhead, and
 * the bytes it carries as a label where there is room. Reused frame after frame; sorted by x.
 */
final class MarkColumns {
    /** Marks closer than this many pixels merge into the most telling one. */
    private static final double MERGE_PX = 4;
    /** A connector is drawn this far from the previous one at least, unless its mark is strong. */
    private static final double CONNECTOR_GAP = 3;
    /** A connector gets its arrowhead only this far from the previous one: denser, the heads are a smear. */
    private static final double ARROW_GAP = 6;
    /** Segments this far outside the window still count: their glyphs reach into it. */
    private static final double MARGIN_PX = 8;
    /** A byte label ends at most this far right of its column ("999.9 kB"). */
    private static final double LABEL_REACH = 80;
    private static final MarkKind[] MARKS = MarkKind.values();
    private static final int CONNECTOR = 1;
    private static final int ARROW = 2;

    private int count;
    private double[] xs = new double[64];
    private int[] segments = new int[64];
    private int[] droppedSegments = new int[64];
    private byte[] marks = new byte[64];
    private byte[] flags = new byte[64];
    private String[] labels = new String[64];

    /** Lays out the segments {@code row} holds in {@code frame}'s window, with their byte counts if {@code words}. */
    void layOut(SegmentRow row, TimelineLayout frame, boolean words) {
        count = 0;
        double right = frame.geometry().plotRight();
        double scale = frame.scale();
        long margin = (long) (MARGIN_PX / scale);
        int lo = row.firstAtOrAfter(frame.t0() - margin);
        int hi = row.firstAfter(frame.t1() + margin);
        long bucket = Math.max(1, (long) (MERGE_PX / scale)); // anchored in time: panning does not reshuffle merges
        long column = Long.MIN_VALUE;
        int best = -1;
        MarkKind bestMark = null;
        int dropped = -1;
        MarkKind droppedMark = null;
        long bytes = 0;
        double lastConnector = Double.NEGATIVE_INFINITY;
        double lastLabelEnd = Double.NEGATIVE_INFINITY;
        for (int i = lo; i <= hi; i++) {
            long c = i < hi ? Math.floorDiv(row.t(i), bucket) : Long.MAX_VALUE;
            if (c != column && best >= 0) {
                double x = frame.x(row.t(best));
                boolean connector = x - lastConnector >= CONNECTOR_GAP || isStrong(bestMark);
                boolean arrow = connector && x - lastConnector >= ARROW_GAP;
                if (connector) {
                    lastConnector = x;
                }
                String label = null;
                if (words && bytes > 0 && x > lastLabelEnd + LabelSpans.GAP) {
                    String text = bytes(bytes);
                    double end = labelX(x) + TimelineFonts.width(text, TimelineFonts.LABEL);
                    if (end <= right) { // whole or not at all
                        label = text;
                        lastLabelEnd = end;
                    }
                }
                add(x, best, bestMark, dropped, (connector ? CONNECTOR : 0) | (arrow ? ARROW : 0), label);
                best = -1;
                dropped = -1;
                bytes = 0;
            }
            if (i == hi) {
                break;
            }
            column = c;
            var mark = MarkKind.of(row, i);
            if (best < 0 || mark.priority() > bestMark.priority()) {
                best = i;
                bestMark = mark;
            }
            if (row.dropped(i) && (dropped < 0 || mark.priority() > droppedMark.priority())) {
                dropped = i;
                droppedMark = mark;
            }
            if (mark == MarkKind.DATA || mark == MarkKind.RETRANSMISSION) {
                bytes += row.length(i);
            }
        }
    }

    private void add(double x, int segment, MarkKind mark, int dropped, int flag, String label) {
        if (count == xs.length) {
            int n = count * 2;
            xs = Arrays.copyOf(xs, n);
            segments = Arrays.copyOf(segments, n);
            droppedSegments = Arrays.copyOf(droppedSegments, n);
            marks = Arrays.copyOf(marks, n);
            flags = Arrays.copyOf(flags, n);
            labels = Arrays.copyOf(labels, n);
        }
        xs[count] = x;
        segments[count] = segment;
        droppedSegments[count] = dropped;
        marks[count] = (byte) mark.ordinal();
        flags[count] = (byte) flag;
        labels[count] = label;
        count++;
    }

    /** A mark a connector and hit test favour: a probe or anything rarer. */
    static boolean isStrong(MarkKind mark) {
        return mark.priority() >= MarkKind.PROBE_ANSWERED.priority();
    }

    /** Where a column's byte label starts, right of its mark at {@code x}. */
    static double labelX(double x) {
        return x + 7;
    }

    int count() {
        return count;
    }

    double x(int column) {
        return xs[column];
    }

    /** The segment drawn for the column: its index in the row. */
    int segment(int column) {
        return segments[column];
    }

    MarkKind mark(int column) {
        return MARKS[marks[column]];
    }

    /** Whether a sever dropped any segment of the column. */
    boolean dropped(int column) {
        return droppedSegments[column] >= 0;
    }

    /** The most telling segment of the column a sever dropped, the one its cross stands for; -1 for none. */
    int droppedSegment(int column) {
        return droppedSegments[column];
    }

    boolean connector(int column) {
        return (flags[column] & CONNECTOR) != 0;
    }

    boolean arrow(int column) {
        return (flags[column] & ARROW) != 0;
    }

    /** The column's bytes as its label reads ("1.5 kB"), or {@code null} where it gets none. */
    String label(int column) {
        return labels[column];
    }

    /**
     * The column drawn within {@code reach} px of {@code x}, preferring the most telling mark, then the
     * nearest; -1 for none.
     */
    int at(double x, double reach) {
        int best = -1;
        for (int c = first(x - reach); c < count && xs[c] <= x + reach; c++) {
            if (best < 0 || mark(c).priority() > mark(best).priority()
                    || mark(c).priority() == mark(best).priority() && Math.abs(xs[c] - x) < Math.abs(xs[best] - x)) {
                best = c;
            }
        }
        return best;
    }

    /** The column whose byte label lies under {@code x}; -1 for none. */
    int labelAt(double x) {
        for (int c = first(x - LABEL_REACH); c < count && xs[c] <= x; c++) {
            if (labels[c] != null && x >= labelX(xs[c]) && x <= labelX(xs[c]) + TimelineFonts.width(labels[c], TimelineFonts.LABEL)) {
                return c;
            }
        }
        return -1;
    }

    /** The dropped column whose cross lies within {@code reach} px of {@code x}, the nearest; -1 for none. */
    int droppedAt(double x, double reach) {
        int best = -1;
        for (int c = first(x - reach); c < count && xs[c] <= x + reach; c++) {
            if (dropped(c) && (best < 0 || Math.abs(xs[c] - x) < Math.abs(xs[best] - x))) {
                best = c;
            }
        }
        return best;
    }

    /** The first column at or right of {@code x}. */
    private int first(double x) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A byte count for people: "5 B", "1.5 kB", "20 MB". */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
    }
}
