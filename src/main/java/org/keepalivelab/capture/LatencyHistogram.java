package org.keepalivelab.capture;

/**
 * How long segments took from the kernel's timestamp to the timeline, in 1 µs buckets up to 100 ms.
 * One thread records; others read, seeing counts at most a few packets stale.
 */
public final class LatencyHistogram {
    private static final int BUCKETS = 100_000;
    private static final long NANOS_PER_BUCKET = 1_000;

    private final long[] counts = new long[BUCKETS + 1]; // the last bucket holds everything slower
    private volatile long total;

    void record(long nanos) {
        counts[(int) Math.min(BUCKETS, Math.max(0, nanos) / NANOS_PER_BUCKET)]++;
        total = total + 1;
    }

    public long count() {
        return total;
    }

    /** The counts so far, apart from later ones. */
    public LatencyHistogram copy() {
        var copy = new LatencyHistogram();
        System.arraycopy(counts, 0, copy.counts, 0, counts.length);
        copy.total = total;
        return copy;
    }

    /** What was recorded after {@code earlier}, a {@link #copy()} of this histogram. */
    public LatencyHistogram since(LatencyHistogram earlier) {
        var later = copy();
        for (int i = 0; i < counts.length; i++) {
            later.counts[i] -= earlier.counts[i];
        }
        later.total -= earlier.total;
        return later;
    }

    /** The latency below which {@code percent} of segments fell, in ns (to the bucket's upper edge). */
    public long percentile(double percent) {
        long n = total;
        long wanted = (long) Math.ceil(n * percent / 100.0);
        long seen = 0;
        for (int bucket = 0; bucket <= BUCKETS; bucket++) {
            seen += counts[bucket];
            if (seen >= wanted && seen > 0) {
                return (bucket + 1) * NANOS_PER_BUCKET;
            }
        }
        return 0;
    }
}
