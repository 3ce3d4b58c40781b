package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;

/**
 * The segments one side sent on one connection, sorted by time, in parallel primitive arrays: the
 * renderer reads them without allocating. {@link #eventIndex} points back into the lab's timeline for
 * a mark's full details.
 */
public final class SegmentRow {
    private static final SegmentKind[] KINDS = SegmentKind.values();
    private static final int DROPPED = 1;
    private static final int INFERRED = 2;

    private final Direction dir;
    private final TimeIndex times = new TimeIndex();
    private byte[] kinds = new byte[64];
    private byte[] dropped = new byte[64]; // bit 0: dropped by a sever; bit 1: inferred, not captured
    private int[] lengths = new int[64];
    private int[] events = new int[64];

    SegmentRow(Direction dir) {
        this.dir = dir;
    }

    public Direction dir() {
        return dir;
    }

    void add(long t, SegmentKind kind, boolean wasDropped, boolean inferred, int length, int eventIndex) {
        int n = times.size();
        int at = times.insertionPoint(t);
        kinds = TimeIndex.open(kinds, at, n);
        dropped = TimeIndex.open(dropped, at, n);
        lengths = TimeIndex.open(lengths, at, n);
        events = TimeIndex.open(events, at, n);
        times.insert(at, t);
        kinds[at] = (byte) kind.ordinal();
        dropped[at] = (byte) ((wasDropped ? DROPPED : 0) | (inferred ? INFERRED : 0));
        lengths[at] = length;
        events[at] = eventIndex;
    }

    public int size() {
        return times.size();
    }

    public long t(int i) {
        return times.at(i);
    }

    public SegmentKind kind(int i) {
        return KINDS[kinds[i]];
    }

    public boolean dropped(int i) {
        return (dropped[i] & DROPPED) != 0;
    }

    /** True for a segment the lab did not capture but inferred from the kernel's counters. */
    public boolean inferred(int i) {
        return (dropped[i] & INFERRED) != 0;
    }

    public int length(int i) {
        return lengths[i];
    }

    /** Index of the segment's event in the lab's timeline. */
    public int eventIndex(int i) {
        return events[i];
    }

    public int firstAtOrAfter(long t) {
        return times.firstAtOrAfter(t);
    }

    public int firstAfter(long t) {
        return times.firstAfter(t);
    }

    /**
     * How the segment at {@code i} is drawn. A keep-alive probe is answered when the peer's first
     * segment after it that is not a probe of its own, received (not dropped), comes before this side
     * sends anything but an acknowledgement; a probe lost to a sever is unanswered whatever follows.
     * Probes cross when both sides probe: each side's ACK to the other's probe can leave before the
     * answer to its own.
     */
    public MarkKind mark(int i, SegmentRow peer) {
        var kind = kind(i);
        if (kind != SegmentKind.KEEPALIVE) {
            return MarkKind.of(kind);
        }
        if (inferred(i)) {
            return MarkKind.PROBE_INFERRED;
        }
        return answer(i, peer) == ProbeAnswer.NONE ? MarkKind.PROBE_UNANSWERED : MarkKind.PROBE_ANSWERED;
    }

    /** What came back for the probe at {@code i}: see {@link #mark}. */
    public ProbeAnswer answer(int i, SegmentRow peer) {
        if (dropped(i) || inferred(i)) {
            return ProbeAnswer.NONE;
        }
        long until = Long.MAX_VALUE;
        for (int k = i + 1; k < size(); k++) {
            if (!isAcknowledgement(kind(k))) {
                until = t(k);
                break;
            }
        }
        for (int j = peer.firstAfter(t(i)); j < peer.size() && peer.t(j) < until; j++) {
            if (peer.kind(j) == SegmentKind.KEEPALIVE) {
                continue; // the peer's own probe, crossing ours
            }
            if (peer.dropped(j)) {
                return ProbeAnswer.NONE;
            }
            return peer.kind(j) == SegmentKind.RST ? ProbeAnswer.RST : ProbeAnswer.ACK;
        }
        return ProbeAnswer.NONE;
    }

    private static boolean isAcknowledgement(SegmentKind kind) {
        return kind == SegmentKind.ACK || kind == SegmentKind.KEEPALIVE_ACK || kind == SegmentKind.WINDOW_UPDATE;
    }
}
