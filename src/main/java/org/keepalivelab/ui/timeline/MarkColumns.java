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
    private static final MarkKind[] MARKS = MarkKind.values();
    private static final int DROPPED = 1;
    private static final int CONNECTOR = 2;
    private static final int ARROW = 4;

    private int count;
    private double[] xs = new double[64];
    private int[] segments = new int[64];
    private byte[] marks = new byte[64];
    private byte[] flags = new byte[64];
    private String[] labels = new String[64];

    void layOut(SegmentRow row, TimelineLayout frame) {
        count = 0;
        double scale = frame.scale();
        long margin = (long) (MARGIN_PX / scale);
        int lo = row.firstAtOrAfter(frame.t0() - margin);
        int hi = row.firstAfter(frame.t1() + margin);
        long bucket = Math.max(1, (long) (MERGE_PX / scale)); // anchored in time: panning does not reshuffle merges
        long column = Long.MIN_VALUE;
        int best = -1;
        MarkKind bestMark = null;
        boolean anyDropped = false;
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
                if (bytes > 0 && x > lastLabelEnd + LabelSpans.GAP) {
                    label = bytes(bytes);
                    lastLabelEnd = labelX(x) + TimelineFonts.width(label, TimelineFonts.LABEL);
                }
                add(x, best, bestMark, (anyDropped ? DROPPED : 0) | (connector ? CONNECTOR : 0) | (arrow ? ARROW : 0), label);
                best = -1;
                anyDropped = false;
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
            anyDropped |= row.dropped(i);
            if (mark == MarkKind.DATA || mark == MarkKind.RETRANSMISSION) {
                bytes += row.length(i);
            }
        }
    }

    private void add(double x, int segment, MarkKind mark, int flag, String label) {
        if (count == xs.length) {
            int n = count * 2;
            xs = Arrays.copyOf(xs, n);
            segments = Arrays.copyOf(segments, n);
            marks = Arrays.copyOf(marks, n);
            flags = Arrays.copyOf(flags, n);
            labels = Arrays.copyOf(labels, n);
        }
        xs[count] = x;
        segments[count] = segment;
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
        return (flags[column] & DROPPED) != 0;
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
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x - reach) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = -1;
        for (int c = lo; c < count && xs[c] <= x + reach; c++) {
            if (best < 0 || mark(c).priority() > mark(best).priority()
                    || mark(c).priority() == mark(best).priority() && Math.abs(xs[c] - x) < Math.abs(xs[best] - x)) {
                best = c;
            }
        }
        return best;
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
