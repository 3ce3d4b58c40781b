package org.keepalivelab.ui.timeline;

/**
 * How tall each lane is: every lane in full, or every lane compact but one, {@code expanded} (-1 for
 * none), in full. Where lane {@code i} starts and which lane lies at a height are worked out, not
 * summed lane by lane, so a thousand lanes cost what three do.
 *
 * @param compact  lanes are compact (but {@code expanded})
 * @param expanded the lane, 0-based, drawn in full among compact ones; -1 for none
 */
record LaneHeights(boolean compact, int expanded) {
    static final LaneHeights FULL = new LaneHeights(false, -1);
    private static final double FULL_HEIGHT = LaneRows.FULL.height();
    private static final double COMPACT_HEIGHT = LaneRows.COMPACT.height();

    /**
     * Compact lanes for {@code lanes} lanes in {@code room} pixels: the selected lane ({@code selected},
     * 0-based, -1 for none) in full if every lane still fits, else every lane compact.
     */
    static LaneHeights compact(int lanes, double room, int selected) {
        boolean fits = selected >= 0 && selected < lanes && (lanes - 1) * COMPACT_HEIGHT + FULL_HEIGHT <= room;
        return new LaneHeights(true, fits ? selected : -1);
    }

    LaneRows rows(int index) {
        return !compact || index == expanded ? LaneRows.FULL : LaneRows.COMPACT;
    }

    /** Where lane {@code index} starts, below the first lane's top; for {@code index} = the count of lanes, where they end. */
    double top(int index) {
        if (!compact) {
            return index * FULL_HEIGHT;
        }
        return index * COMPACT_HEIGHT + (expanded >= 0 && index > expanded ? FULL_HEIGHT - COMPACT_HEIGHT : 0);
    }

    /** The lane {@code offset} pixels below the first lane's top, or -1 outside the {@code lanes} lanes. */
    int at(double offset, int lanes) {
        if (offset < 0) {
            return -1;
        }
        int index;
        if (!compact) {
            index = (int) Math.floor(offset / FULL_HEIGHT);
        } else if (expanded < 0 || offset < expanded * COMPACT_HEIGHT) {
            index = (int) Math.floor(offset / COMPACT_HEIGHT);
        } else if (offset < expanded * COMPACT_HEIGHT + FULL_HEIGHT) {
            index = expanded;
        } else {
            index = expanded + 1 + (int) Math.floor((offset - expanded * COMPACT_HEIGHT - FULL_HEIGHT) / COMPACT_HEIGHT);
        }
        return index < lanes ? index : -1;
    }
}
