package org.keepalivelab.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * This process's memory, as the benchmarks report it: the Java heap's live set (what is left after a
 * garbage collection, from every collection's own report, so the peak is of the live heap, not of
 * garbage waiting to be collected) and the resident set from {@code /proc/self/status}, anonymous
 * memory (heap, native allocations) apart from file pages (the store's mapped files, which the
 * kernel's page cache holds and may write back and drop).
 */
final class MemoryProbe {
    private final AtomicLong peakLive = new AtomicLong();
    private final Set<String> heapPools = new HashSet<>();

    /** Starts watching every collection. */
    MemoryProbe() {
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long live = 0;
                    for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(entry.getKey())) {
                            live += entry.getValue().getUsed();
                        }
                    }
                    peakLive.accumulateAndGet(live, Math::max);
                }
            }, null, null);
        }
    }

    /** The largest live heap any collection so far left behind. */
    long peakLiveHeap() {
        return peakLive.get();
    }

    /** The live heap now: used after a full collection. */
    static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap's committed size and its maximum (-Xmx). */
    static MemoryUsage heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    /** A field of {@code /proc/self/status} in bytes: {@code VmRSS}, {@code RssAnon}, {@code RssFile}, {@code VmHWM}. */
    static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip()) * 1024;
            }
        }
        throw new IOException("/proc/self/status has no " + field);
    }
}
