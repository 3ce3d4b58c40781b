package org.keepalivelab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.Timeline;

class LabFactsTest {
    private static final KernelSettings KERNEL = new KernelSettings("test", 7200, 75, 9, 60, 15, 0, 6);

    @Test
    void liveFactsAreTheConnectionsEventsSoFarInTimeOrder() {
        var timeline = new Timeline();
        var facts = new LabFacts(timeline);
        append(timeline, 0, 100);
        var first = facts.live(status(2), 3, KERNEL, 1_000);
        append(timeline, 100, 250);
        timeline.append(new AppEvent(150, 2, Side.SERVER, AppEventType.READ, 5, null)); // older than the last segment
        var second = facts.live(status(2), 3, KERNEL, 2_000);

        assertEquals(ownInTimeOrder(timeline, 2, 100), first.events());
        assertEquals(ownInTimeOrder(timeline, 2, timeline.size()), second.events());
        assertEquals(Optional.of(status(2)), second.live());
        assertEquals(2_000, second.now());
    }

    @Test
    void aFinishedRunIsMadeAtItsLatestEventWithoutALiveStatus() {
        var timeline = new Timeline();
        append(timeline, 0, 30);
        var facts = new LabFacts(timeline).finished(status(1), 3, KERNEL, Long.MIN_VALUE);

        assertEquals(ownInTimeOrder(timeline, 1, 30), facts.events());
        assertEquals(29, facts.now());
        assertEquals(Optional.empty(), facts.live());
    }

    /** Segments at times from..to-1 on connections 1..3 in turn. */
    private static void append(Timeline timeline, int from, int to) {
        for (int t = from; t < to; t++) {
            timeline.append(new SegmentEvent(t, 1 + t % 3, t % 2 == 0 ? Direction.C2S : Direction.S2C, TcpFlags.ACK, t, t,
                    0, 512, SegmentKind.ACK, false));
        }
    }

    private static List<Event> ownInTimeOrder(Timeline timeline, int conn, int upTo) {
        return timeline.snapshot().subList(0, upTo).stream().filter(e -> e.conn() == conn)
                .sorted(Comparator.comparingLong(Event::t)).toList();
    }

    private static ConnectionStatus status(int conn) {
        return new ConnectionStatus(conn, 40_000 + conn, LabSettings.seed(), "", Holding.OPEN, Holding.OPEN, false,
                SideStatus.UNKNOWN, SideStatus.UNKNOWN, Set.of());
    }
}
