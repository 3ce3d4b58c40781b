package org.keepalivelab.imports;

import java.util.Arrays;

/**
 * The recent packets of one connection, to tell the same packet seen twice: by a capture of two
 * interfaces it crossed (dumpcap on {@code lo} and {@code any} at once), or by an older libpcap's
 * {@code -i any} on loopback (once leaving, once arriving). A duplicate has the same IP bytes (so the
 * same IP ID, sequence numbers and TCP timestamps) within {@link #WINDOW_NANOS}; a retransmission is
 * sent again later, by a timer, with a new IP ID and timestamp, and is never one.
 *
 * <p>A capture of several interfaces writes each interface's packets in batches (dumpcap: one
 * interface's burst, then the other's), so a packet's copy can come in the file after many packets of
 * the same connection that were captured later. The window is therefore the connection's last
 * {@link #MAX_DEPTH} packets in file order, whatever their times, each compared by its own time: a copy
 * that comes more than {@value #MAX_DEPTH} packets of its connection after the original is kept. It
 * starts small and grows to that as the connection sends (20 bytes a packet, 640 at most).
 */
final class DuplicateWindow {
    static final long WINDOW_NANOS = 1_000_000;
    static final int MAX_DEPTH = 32;
    private static final int FIRST_DEPTH = 4;

    private long[] times = new long[FIRST_DEPTH];
    private long[] hashes = new long[FIRST_DEPTH];
    private int[] lengths = new int[FIRST_DEPTH];
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
        if (count == times.length && count < MAX_DEPTH) {
            grow();
        }
        times[next] = epochNanos;
        hashes[next] = hash;
        lengths[next] = length;
        count = Math.max(count, next + 1);
        next = (next + 1) % times.length;
        return false;
    }

    /** Twice the room, the ring unrolled so that the oldest comes first and the next slot after the newest. */
    private void grow() {
        int n = times.length;
        times = unroll(times);
        hashes = unroll(hashes);
        int[] l = new int[n * 2];
        for (int i = 0; i < n; i++) {
            l[i] = lengths[(next + i) % n];
        }
        lengths = l;
        next = n;
    }

    private long[] unroll(long[] ring) {
        int n = ring.length;
        long[] grown = Arrays.copyOf(ring, n * 2);
        for (int i = 0; i < n; i++) {
            grown[i] = ring[(next + i) % n];
        }
        return grown;
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
