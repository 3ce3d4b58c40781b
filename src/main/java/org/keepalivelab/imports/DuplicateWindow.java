package org.keepalivelab.imports;

/**
 * The last few packets of one connection, to tell the same packet seen twice: by {@code tcpdump -i any}
 * on loopback (once leaving, once arriving) or by a capture of two interfaces it crossed. A duplicate
 * has the same IP bytes (so the same IP ID, sequence numbers and TCP timestamps) within
 * {@link #WINDOW_NANOS}; a retransmission is sent again later, by the timer, with a new IP ID and
 * timestamp, and is never one.
 */
final class DuplicateWindow {
    static final long WINDOW_NANOS = 1_000_000;
    /** Copies of a packet arrive close together, but other packets of the connection can come between. */
    private static final int DEPTH = 4;

    private final long[] times = new long[DEPTH];
    private final long[] hashes = new long[DEPTH];
    private final int[] lengths = new int[DEPTH];
    private int count;
    private int next;

    /** True when this packet was seen in the window; else it is remembered. */
    boolean seen(byte[] data, int from, int to, long epochNanos) {
        long hash = hash(data, from, to);
        int length = to - from;
        for (int i = 0; i < count; i++) {
            if (hashes[i] == hash && lengths[i] == length && Math.abs(epochNanos - times[i]) <= WINDOW_NANOS) {
                return true;
            }
        }
        times[next] = epochNanos;
        hashes[next] = hash;
        lengths[next] = length;
        next = (next + 1) % DEPTH;
        count = Math.min(count + 1, DEPTH);
        return false;
    }

    /** FNV-1a, 64 bits: two different packets of one connection within a millisecond do not collide in practice. */
    private static long hash(byte[] data, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (data[i] & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
