package org.keepalivelab.model;

import java.util.ArrayList;
import java.util.List;
import org.keepalivelab.model.store.MappedBlocks;
import org.keepalivelab.model.store.TimeRecords;

/**
 * The segments one side sent on one connection, sorted by time, off the Java heap in a reader's store
 * ({@link TimeRecords}: 16 bytes a segment, its time, its event's index in the timeline, and its
 * length, kind, dropped and inferred bits and answer packed in one int). A reader scanning thousands
 * of them (a frame of the timeline view) allocates nothing. Each keep-alive probe carries its answer,
 * kept current by {@link SegmentRows} as segments arrive ({@link ProbeAnswers}). {@link #eventIndex}
 * points back into the lab's timeline for a segment's full record, whose length this row keeps only
 * up to {@link #MAX_LENGTH}.
 */
public final class SegmentRow {
    /** The longest length a row keeps (24 bits); longer is kept as this. An IP packet without jumbograms carries under 64 KiB. */
    public static final int MAX_LENGTH = (1 << 24) - 1;
    private static final SegmentKind[] KINDS = SegmentKind.values();
    // The packed word: bits 0-3 flags, 4-7 the kind, 8-31 the length.
    private static final int DROPPED = 1;
    private static final int INFERRED = 2;
    private static final int ANSWER_SHIFT = 2;
    private static final int ANSWER_BITS = 3 << ANSWER_SHIFT;
    private static final int KIND_SHIFT = 4;
    private static final int LENGTH_SHIFT = 8;
    /** A probe's answer in its flags, by the code ANSWER_SHIFT bits up: no code (0) for none. */
    private static final ProbeAnswer[] ANSWERS = {ProbeAnswer.NONE, ProbeAnswer.ACK, ProbeAnswer.RST};

    private final Direction dir;
    private final TimeRecords records;

    SegmentRow(Direction dir, MappedBlocks store) {
        this.dir = dir;
        this.records = new TimeRecords(store);
    }

    public Direction dir() {
        return dir;
    }

    /** Inserts a segment in time order; returns where it went. */
    int add(long t, SegmentKind kind, boolean wasDropped, boolean inferred, int length, int eventIndex) {
        return records.add(t, eventIndex, Math.min(length, MAX_LENGTH) << LENGTH_SHIFT | kind.ordinal() << KIND_SHIFT
                | (wasDropped ? DROPPED : 0) | (inferred ? INFERRED : 0));
    }

    public int size() {
        return records.size();
    }

    public long t(int i) {
        return records.t(i);
    }

    public SegmentKind kind(int i) {
        return KINDS[records.word(i) >>> KIND_SHIFT & 0xf];
    }

    public boolean dropped(int i) {
        return (records.word(i) & DROPPED) != 0;
    }

    /** True for a segment the lab did not capture but inferred from the kernel's counters. */
    public boolean inferred(int i) {
        return (records.word(i) & INFERRED) != 0;
    }

    /** Its payload's length, up to {@link #MAX_LENGTH}. */
    public int length(int i) {
        return records.word(i) >>> LENGTH_SHIFT;
    }

    /** Index of the segment's event in the lab's timeline. */
    public int eventIndex(int i) {
        return records.event(i);
    }

    /** What answered the keep-alive probe at {@code i} ({@link ProbeAnswers}); {@code NONE} for any other segment. */
    public ProbeAnswer answer(int i) {
        return ANSWERS[(records.word(i) & ANSWER_BITS) >> ANSWER_SHIFT];
    }

    void setAnswer(int i, ProbeAnswer answer) {
        int code = switch (answer) {
            case NONE -> 0;
            case ACK -> 1;
            case RST -> 2;
        };
        records.setWord(i, records.word(i) & ~ANSWER_BITS | code << ANSWER_SHIFT);
    }

    public int firstAtOrAfter(long t) {
        return records.firstAtOrAfter(t);
    }

    public int firstAfter(long t) {
        return records.firstAfter(t);
    }

    /** Where the segment of timeline event {@code eventIndex} sits, or -1 if it is not in this row. */
    int indexOf(long t, int eventIndex) {
        for (int i = firstAtOrAfter(t); i < size() && t(i) == t; i++) {
            if (eventIndex(i) == eventIndex) {
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
