package org.keepalivelab.ui.timeline;

import java.util.Arrays;

/**
 * One side's kernel states as a frame draws them: the bands in the window, each from its start to
 * the next band's (the last to the frame's end), cut a little beyond the plot's edges, with the label
 * that fits it. Reused frame after frame; in time order.
 */
final class StateBands {
    /** How far a band may reach past the plot's edges, px: its outline stays out of sight. */
    private static final double OVERHANG = 2;
    /** A label's inset from its band's left edge, px. */
    static final double LABEL_INSET = 5;

    private int count;
    private double[] x0s = new double[16];
    private double[] x1s = new double[16];
    private int[] bands = new int[16];
    private boolean[] starts = new boolean[16];
    private String[] labels = new String[16];

    /** Lays out {@code row}'s bands in {@code frame}'s window, with the labels that fit if {@code words}. */
    void layOut(StateRow row, TimelineLayout frame, boolean words) {
        count = 0;
        int n = row.size();
        if (n == 0) {
            return;
        }
        var geo = frame.geometry();
        for (int i = Math.max(0, row.at(frame.t0())); i < n && row.t(i) <= frame.t1(); i++) {
            long start = row.t(i);
            long end = i + 1 < n ? row.t(i + 1) : Math.max(start, frame.end());
            if (end < frame.t0()) {
                continue;
            }
            double x0 = Math.max(frame.x(start), geo.plotLeft() - OVERHANG);
            double x1 = Math.min(frame.x(end), geo.plotRight() + OVERHANG);
            add(i, x0, x1, start >= frame.t0(), words ? label(row, i, Math.max(x0, geo.plotLeft()), x1) : null);
        }
    }

    /** The band's label: its state, orphan and unanswered probes; shorter, or none, where that does not fit. */
    private static String label(StateRow row, int i, double x0, double x1) {
        String name = row.state(i).name();
        String probes = row.unanswered(i) > 0 ? row.unanswered(i) + " unanswered" : null;
        String full = name + (row.orphan(i) ? " · orphan" : "") + (probes != null ? " · " + probes : "")
                + (row.inferred(i) ? " · inferred" : "");
        // A band that only counts one more unanswered probe says so first when the full label does not fit.
        boolean sameState = i > 0 && row.state(i - 1) == row.state(i) && row.orphan(i - 1) == row.orphan(i);
        String shorter = sameState && probes != null ? probes : name;
        double room = x1 - x0 - 8;
        return fits(full, room) ? full : fits(shorter, room) ? shorter : null;
    }

    private static boolean fits(String text, double room) {
        return TimelineFonts.width(text, TimelineFonts.LABEL) <= room;
    }

    private void add(int band, double x0, double x1, boolean startsHere, String label) {
        if (count == bands.length) {
            int n = count * 2;
            x0s = Arrays.copyOf(x0s, n);
            x1s = Arrays.copyOf(x1s, n);
            bands = Arrays.copyOf(bands, n);
            starts = Arrays.copyOf(starts, n);
            labels = Arrays.copyOf(labels, n);
        }
        x0s[count] = x0;
        x1s[count] = x1;
        bands[count] = band;
        starts[count] = startsHere;
        labels[count] = label;
        count++;
    }

    int count() {
        return count;
    }

    double x0(int k) {
        return x0s[k];
    }

    double x1(int k) {
        return x1s[k];
    }

    /** The band's index in its state row. */
    int band(int k) {
        return bands[k];
    }

    /** Whether the band starts in the window, where a line marks the change of state. */
    boolean startsHere(int k) {
        return starts[k];
    }

    /** The band's label, or {@code null} where none fits. */
    String label(int k) {
        return labels[k];
    }

    /** The band drawn at {@code x}: the last to start at or before it, if it has not ended; -1 for none. */
    int at(double x) {
        for (int k = count - 1; k >= 0; k--) {
            if (x0s[k] <= x) {
                return x <= x1s[k] ? k : -1;
            }
        }
        return -1;
    }
}
