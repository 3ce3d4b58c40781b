package org.keepalivelab.model.store;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A row of records sorted by time, off the Java heap: per record its time, the index of its event in
 * the timeline, and one int its owner packs what it needs into (a segment's kind and flags, a kernel
 * state and its probe count), 16 bytes, in blocks of a reader's {@link MappedBlocks}: 64 records in
 * the first, twice as many in each next up to 4,096, so a row of two records takes a kilobyte and a
 * row of a million 250 blocks. Reads allocate nothing and write nothing (not even a cached position),
 * so a row no longer added to may be read by several threads at once, once handed to them after its
 * last {@link #add}; while it is added to, it is confined to its writer's thread.
 */
public final class TimeRecords {
    private static final int FIRST_BITS = 6;
    private static final int FIRST = 1 << FIRST_BITS;
    private static final int LARGEST_BITS = 12;
    private static final int LARGEST = 1 << LARGEST_BITS;
    private static final long RECORD = 16;
    private static final long EVENT = 8;
    private static final long WORD = 12;

    private final MappedBlocks store;
    private MemorySegment[] blocks = new MemorySegment[8];
    private int size;

    public TimeRecords(MappedBlocks store) {
        this.store = store;
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

    /**
     * Inserts a record after every one at or before {@code t} (equal times keep their arrival order);
     * returns where it went. Records arrive nearly in time order: it walks back a step or two at most.
     */
    public int add(long t, int event, int word) {
        int n = size;
        int at = n;
        while (at > 0 && t(at - 1) > t) {
            at--;
        }
        int b = block(n);
        if (b == blocks.length) {
            blocks = Arrays.copyOf(blocks, b * 2);
        }
        if (blocks[b] == null) {
            blocks[b] = store.allocate(capacity(b) * RECORD);
        }
        for (int k = n; k > at; k--) {
            MemorySegment.copy(blocks[block(k - 1)], slot(k - 1), blocks[block(k)], slot(k), RECORD);
        }
        var block = blocks[block(at)];
        long slot = slot(at);
        block.set(JAVA_LONG, slot, t);
        block.set(JAVA_INT, slot + EVENT, event);
        block.set(JAVA_INT, slot + WORD, word);
        size = n + 1;
        return at;
    }

    public int size() {
        return size;
    }

    public long t(int i) {
        return blocks[block(i)].get(JAVA_LONG, slot(i));
    }

    /** The timeline's index of record {@code i}'s event. */
    public int event(int i) {
        return blocks[block(i)].get(JAVA_INT, slot(i) + EVENT);
    }

    /** What the owner packed into record {@code i}. */
    public int word(int i) {
        return blocks[block(i)].get(JAVA_INT, slot(i) + WORD);
    }

    public void setWord(int i, int word) {
        blocks[block(i)].set(JAVA_INT, slot(i) + WORD, word);
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
            return size; // the usual answer while records arrive in time order: none after the newest
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
}
