package org.keepalivelab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The segments one side sent on one connection, sorted by time, in parallel primitive arrays: a
 * reader scanning thousands of them (a frame of the timeline view) allocates nothing. Each keep-alive
 * probe carries its answer, kept current by {@link SegmentRows} as segments arrive ({@link ProbeAnswers}).
 * {@link #eventIndex} points back into the lab's timeline for a segment's full record.
 */
public final class SegmentRow {
    private static final SegmentKind[] KINDS = SegmentKind.values();
    private static final int DROPPED = 1;
    private static final int INFERRED = 2;
    private static final int ANSWER_SHIFT = 2;
    private static final int ANSWER_BITS = 3 << ANSWER_SHIFT;
    /** A probe's answer in its flags, by the code ANSWER_SHIFT bits up: no code (0) for none. */
    private static final ProbeAnswer[] ANSWERS = {ProbeAnswer.NONE, ProbeAnswer.ACK, ProbeAnswer.RST};

    private final Direction dir;
    private final TimeIndex times = new TimeIndex();
    private byte[] kinds = new byte[64];
    private byte[] flags = new byte[64]; // bit 0: dropped by a sever; bit 1: inferred, not captured; bits 2-3: answer
    private int[] lengths = new int[64];
    private int[] events = new int[64];

    SegmentRow(Direction dir) {
        this.dir = dir;
    }

    public Direction dir() {
        return dir;
    }

    /** Inserts a segment in time order; returns where it went. */
    int add(long t, SegmentKind kind, boolean wasDropped, boolean inferred, int length, int eventIndex) {
        int n = times.size();
        int at = times.insertionPoint(t);
        kinds = TimeIndex.open(kinds, at, n);
        flags = TimeIndex.open(flags, at, n);
        lengths = TimeIndex.open(lengths, at, n);
        events = TimeIndex.open(events, at, n);
        times.insert(at, t);
        kinds[at] = (byte) kind.ordinal();
        flags[at] = (byte) ((wasDropped ? DROPPED : 0) | (inferred ? INFERRED : 0));
        lengths[at] = length;
        events[at] = eventIndex;
        return at;
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
        return (flags[i] & DROPPED) != 0;
    }

    /** True for a segment the lab did not capture but inferred from the kernel's counters. */
    public boolean inferred(int i) {
        return (flags[i] & INFERRED) != 0;
    }

    public int length(int i) {
        return lengths[i];
    }

    /** Index of the segment's event in the lab's timeline. */
    public int eventIndex(int i) {
        return events[i];
    }

    /** What answered the keep-alive probe at {@code i} ({@link ProbeAnswers}); {@code NONE} for any other segment. */
    public ProbeAnswer answer(int i) {
        return ANSWERS[(flags[i] & ANSWER_BITS) >> ANSWER_SHIFT];
    }

    void setAnswer(int i, ProbeAnswer answer) {
        int code = switch (answer) {
            case NONE -> 0;
            case ACK -> 1;
            case RST -> 2;
        };
        flags[i] = (byte) (flags[i] & ~ANSWER_BITS | code << ANSWER_SHIFT);
    }

    public int firstAtOrAfter(long t) {
        return times.firstAtOrAfter(t);
    }

    public int firstAfter(long t) {
        return times.firstAfter(t);
    }

    /** Where the segment of timeline event {@code eventIndex} sits, or -1 if it is not in this row. */
    int indexOf(long t, int eventIndex) {
        for (int i = firstAtOrAfter(t); i < size() && t(i) == t; i++) {
            if (events[i] == eventIndex) {
                return i;
            }
        }
        return -1;
    }

    /** Every keep-alive probe in the row, with its answer. */
    public List<Probe> probes() {
        var probes = new ArrayList<Probe>();
        for (int i = 0; i < size(); i++) {
            if (kind(i) == SegmentKind.KEEPALIVE) {
                probes.add(new Probe(t(i), dir, answer(i), dropped(i)));
            }
        }
        return probes;
    }
}
