package org.keepalivelab.model;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.keepalivelab.model.store.MappedBlocks;

/**
 * The segments one side sent on one connection, sorted by time, off the Java heap: a record of 16
 * bytes per segment (time 8, the timeline's event index 4, and 4 for its length, kind, dropped and
 * inferred bits and its answer) in blocks of a reader's store ({@link MappedBlocks}), 64 records in the
 * first, twice as many in each next up to 4,096, so a row of two segments takes a kilobyte and a row of
 * a million has 250 blocks. A reader scanning thousands of them (a frame of the timeline view)
 * allocates nothing. Each keep-alive probe carries its answer, kept current by {@link SegmentRows} as
 * segments arrive ({@link ProbeAnswers}). {@link #eventIndex} points back into the lab's timeline for
 * a segment's full record, whose length this row keeps only up to {@link #MAX_LENGTH}.
 */
public final class SegmentRow {
    /** The longest length a row keeps (24 bits); longer is kept as this. An IP packet without jumbograms carries under 64 KiB. */
    public static final int MAX_LENGTH = (1 << 24) - 1;
    private static final SegmentKind[] KINDS = SegmentKind.values();
    private static final int FIRST_BITS = 6;
    private static final int FIRST = 1 << FIRST_BITS;
    private static final int LARGEST_BITS = 12;
    private static final int LARGEST = 1 << LARGEST_BITS;
    private static final long RECORD = 16;
    private static final long EVENT = 8;
    private static final long PACKED = 12;
    // The packed int: bits 0-3 flags, 4-7 the kind, 8-31 the length.
    private static final int DROPPED = 1;
    private static final int INFERRED = 2;
    private static final int ANSWER_SHIFT = 2;
    private static final int ANSWER_BITS = 3 << ANSWER_SHIFT;
    private static final int KIND_SHIFT = 4;
    private static final int LENGTH_SHIFT = 8;
    /** A probe's answer in its flags, by the code ANSWER_SHIFT bits up: no code (0) for none. */
    private static final ProbeAnswer[] ANSWERS = {ProbeAnswer.NONE, ProbeAnswer.ACK, ProbeAnswer.RST};

    private final Direction dir;
    private final MappedBlocks store;
    private MemorySegment[] blocks = new MemorySegment[8];
    private int size;

    SegmentRow(Direction dir, MappedBlocks store) {
        this.dir = dir;
        this.store = store;
    }

    public Direction dir() {
        return dir;
    }

    /** The block record {@code i} is in: 0 for the first 64, 1 for the next 128, …, then one per 4,096. */
    private static int block(int i) {
        int j = i + FIRST;
        return j < LARGEST ? 31 - Integer.numberOfLeadingZeros(j) - FIRST_BITS : (j >>> LARGEST_BITS) + LARGEST_BITS - FIRST_BITS - 1;
    }

    /** Where record {@code i} starts in its block. */
    private static long slot(int i) {
        int j = i + FIRST;
        return (j < LARGEST ? j - Integer.highestOneBit(j) : j & (LARGEST - 1)) * RECORD;
    }

    private static long capacity(int block) {
        return block < LARGEST_BITS - FIRST_BITS ? (long) FIRST << block : LARGEST;
    }

    /** Inserts a segment in time order; returns where it went. */
    int add(long t, SegmentKind kind, boolean wasDropped, boolean inferred, int length, int eventIndex) {
        int n = size;
        int at = n;
        while (at > 0 && t(at - 1) > t) {
            at--; // segments arrive nearly in time order: a step or two back at most
        }
        int b = block(n);
        if (b == blocks.length) {
            blocks = Arrays.copyOf(blocks, b * 2);
        }
        if (blocks[b] == null) {
            blocks[b] = store.allocate(capacity(b) * RECORD);
        }
        for (int k = n; k > at; k--) {
            move(k - 1, k);
        }
        var block = blocks[block(at)];
        long slot = slot(at);
        block.set(JAVA_LONG, slot, t);
        block.set(JAVA_INT, slot + EVENT, eventIndex);
        block.set(JAVA_INT, slot + PACKED, Math.min(length, MAX_LENGTH) << LENGTH_SHIFT | kind.ordinal() << KIND_SHIFT
                | (wasDropped ? DROPPED : 0) | (inferred ? INFERRED : 0));
        size = n + 1;
        return at;
    }

    private void move(int from, int to) {
        var source = blocks[block(from)];
        var target = blocks[block(to)];
        MemorySegment.copy(source, slot(from), target, slot(to), RECORD);
    }

    private int packed(int i) {
        return blocks[block(i)].get(JAVA_INT, slot(i) + PACKED);
    }

    public int size() {
        return size;
    }

    public long t(int i) {
        return blocks[block(i)].get(JAVA_LONG, slot(i));
    }

    public SegmentKind kind(int i) {
        return KINDS[packed(i) >>> KIND_SHIFT & 0xf];
    }

    public boolean dropped(int i) {
        return (packed(i) & DROPPED) != 0;
    }

    /** True for a segment the lab did not capture but inferred from the kernel's counters. */
    public boolean inferred(int i) {
        return (packed(i) & INFERRED) != 0;
    }

    /** Its payload's length, up to {@link #MAX_LENGTH}. */
    public int length(int i) {
        return packed(i) >>> LENGTH_SHIFT;
    }

    /** Index of the segment's event in the lab's timeline. */
    public int eventIndex(int i) {
        return blocks[block(i)].get(JAVA_INT, slot(i) + EVENT);
    }

    /** What answered the keep-alive probe at {@code i} ({@link ProbeAnswers}); {@code NONE} for any other segment. */
    public ProbeAnswer answer(int i) {
        return ANSWERS[(packed(i) & ANSWER_BITS) >> ANSWER_SHIFT];
    }

    void setAnswer(int i, ProbeAnswer answer) {
        int code = switch (answer) {
            case NONE -> 0;
            case ACK -> 1;
            case RST -> 2;
        };
        blocks[block(i)].set(JAVA_INT, slot(i) + PACKED, packed(i) & ~ANSWER_BITS | code << ANSWER_SHIFT);
    }

    /** The first index whose time is at or after {@code time}; {@link #size()} if none. */
    public int firstAtOrAfter(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose time is after {@code time}; {@link #size()} if none. */
    public int firstAfter(long time) {
        if (size == 0 || t(size - 1) <= time) {
            return size; // the usual answer while segments arrive in time order: none after the newest
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t(mid) <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
