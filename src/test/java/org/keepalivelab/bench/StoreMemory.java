package org.keepalivelab.bench;

import java.util.List;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.Timeline;

/** Heap bytes per segment event in the timeline store, over 1,000,000 events from 1,000 connections. */
final class StoreMemory {
    private static final int EVENTS = 1_000_000;

    private StoreMemory() {
    }

    static List<Figure> run() throws InterruptedException {
        long before = usedAfterGc();
        var timeline = new Timeline();
        for (int i = 0; i < EVENTS; i++) {
            timeline.append(new SegmentEvent(i * 1_000L, i % 1_000 + 1, i % 2 == 0 ? Direction.S2C : Direction.C2S,
                    TcpFlags.ACK, i, i, 0, 512, i % 2 == 0 ? SegmentKind.KEEPALIVE : SegmentKind.KEEPALIVE_ACK, false));
        }
        long after = usedAfterGc();
        if (timeline.size() != EVENTS) {
            throw new AssertionError("the store lost events");
        }
        return List.of(new Figure("memory.bytes_per_segment_event", (after - before) / (double) EVENTS, "B", "<=48"));
    }

    private static long usedAfterGc() throws InterruptedException {
        var runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
