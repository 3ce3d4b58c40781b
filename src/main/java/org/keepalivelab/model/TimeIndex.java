package org.keepalivelab.model;

import java.util.Arrays;

/**
 * Times of one row of events (a side's segments, its kernel states), kept sorted, in a growable
 * primitive array. Events arrive nearly in time order, so an insertion walks back a step or two at
 * most; callers shift their own parallel arrays with {@link #insertionPoint} and {@link #open}.
 */
public final class TimeIndex {
    private long[] t = new long[64];
    private int size;

    public int size() {
        return size;
    }

    public long at(int i) {
        return t[i];
    }

    /** Where a mark at {@code time} goes: after every mark at or before it, so equal times keep arrival order. */
    public int insertionPoint(long time) {
        int i = size;
        while (i > 0 && t[i - 1] > time) {
            i--;
        }
        return i;
    }

    /** Inserts {@code time} at {@code index} (from {@link #insertionPoint}). */
    public void insert(int index, long time) {
        if (size == t.length) {
            t = Arrays.copyOf(t, size * 2);
        }
        System.arraycopy(t, index, t, index + 1, size - index);
        t[index] = time;
        size++;
    }

    /** The first index whose time is at or after {@code time}; {@link #size()} if none. */
    public int firstAtOrAfter(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose time is after {@code time}; {@link #size()} if none. */
    public int firstAfter(long time) {
        if (size == 0 || t[size - 1] <= time) {
            return size; // the usual answer while events arrive in time order: none after the newest
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Grows a parallel array to this index's capacity and opens a slot at {@code index}. */
    public static int[] open(int[] a, int index, int size) {
        int[] out = a.length > size ? a : Arrays.copyOf(a, Math.max(64, a.length * 2));
        System.arraycopy(out, index, out, index + 1, size - index);
        return out;
    }

    public static byte[] open(byte[] a, int index, int size) {
        byte[] out = a.length > size ? a : Arrays.copyOf(a, Math.max(64, a.length * 2));
        System.arraycopy(out, index, out, index + 1, size - index);
        return out;
    }
}
