package org.keepalivelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void everyKindOfEventComesBackAsAppended() {
        var timeline = new Timeline();
        List<Event> events = List.of(
                new SegmentEvent(1, 1, Direction.C2S, TcpFlags.SYN, 0xffff_fffeL, 0, 0, 65495, SegmentKind.SYN, false),
                new SegmentEvent(2, 1, Direction.S2C, TcpFlags.RST | TcpFlags.ACK, 7, 0xffff_ffffL, 0, 65535,
                        SegmentKind.RST, true),
                new SegmentEvent(3, 2, Direction.C2S, TcpFlags.PSH | TcpFlags.ACK, 1, 1, 65_000, 512, SegmentKind.DATA, false),
                new AppEvent(4, 1, Side.SERVER, AppEventType.ERROR, 0, "Connection timed out"),
                new StateEvent(5, 1, Side.CLIENT, TcpState.FIN_WAIT2, 0, true),
                new ActionEvent(6, 1, new Action.Sever(Set.of(Direction.C2S))),
                SegmentEvent.inferredKeepalive(7, 1, Direction.S2C));
        events.forEach(timeline::append);

        assertEquals(events, timeline.snapshot());
        assertTrue(timeline.isSegment(1) && timeline.dropped(1) && timeline.direction(1) == Direction.S2C);
        assertEquals(SegmentKind.DATA, timeline.segmentKind(2));
        assertEquals(65_000, timeline.length(2));
        assertTrue(!timeline.isSegment(3) && timeline.conn(3) == 1 && timeline.t(3) == 4);
        assertTrue(timeline.isSegment(6) && timeline.inferred(6) && !timeline.inferred(1));
    }

    @Test
    void growsAcrossChunksWhileReadersRead() throws Exception {
        var timeline = new Timeline();
        int writers = 4;
        int perWriter = 25_000;
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < writers; w++) {
            int conn = w + 1;
            threads.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perWriter; i++) {
                    timeline.append(i % 10 == 0
                            ? new ActionEvent(i, conn, new Action.Send(5))
                            : new SegmentEvent(i, conn, Direction.C2S, TcpFlags.ACK, i, i, 0, 1, SegmentKind.ACK, false));
                }
            }));
        }
        start.countDown();
        int seen = 0;
        while (seen < writers * perWriter) {
            int n = timeline.size();
            for (int i = seen; i < n; i++) {
                var e = timeline.get(i); // never null, never half-written
                assertTrue(e.conn() >= 1 && e.conn() <= writers, e::toString);
            }
            seen = n;
        }
        for (var t : threads) {
            t.join();
        }
        assertEquals(writers * perWriter, timeline.size());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
