package org.keepalivelab.ui.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.bench.KeepaliveCaptureWriter;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.EventsByConnection;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.Timeline;

/**
 * A capture's facts read one connection's events through the capture's index: the same events, in the
 * same order, as a pass over the whole timeline finds; a connection past the bound is refused before
 * any of its events is copied.
 */
class CaptureFactsTest {
    @TempDir
    Path dir;

    @Test
    void aConnectionsFactsAreItsOwnEventsInTimeOrderAsTheWholeTimelineHasThem() throws Exception {
        var file = dir.resolve("three.pcap");
        new KeepaliveCaptureWriter().write(file, 3, 3 * 25);
        var opened = CaptureLoad.start(file).done().get(10, TimeUnit.SECONDS);
        for (int conn = 1; conn <= 3; conn++) {
            int c = conn;
            var whole = opened.timeline().snapshot().stream().filter(e -> e.conn() == c)
                    .sorted(Comparator.comparingLong(Event::t)).toList(); // stable: equal times as the file had them
            var facts = opened.facts(conn);
            assertEquals(whole, facts.events(), "connection " + conn);
            assertEquals(whole.getLast().t(), facts.now(), "made at its own last event");
        }
    }

    @Test
    void aConnectionOfMoreThanTheMostEventsIsRefusedInOneSentence() {
        var timeline = new Timeline();
        for (int i = 0; i <= CaptureFacts.MOST_EVENTS; i++) {
            timeline.appendSegment(i * 1_000L, 1, i % 2 == 0 ? Direction.C2S : Direction.S2C, TcpFlags.ACK, i, i, 0, 512,
                    SegmentKind.ACK, false, false);
        }
        var index = new EventsByConnection(timeline);
        index.update();
        var refused = assertThrows(CaptureFacts.TooManyEvents.class, () -> CaptureFacts.of(index, 1));
        assertEquals("connection 1 has 1,000,001 events, more than the 1,000,000 the window explains at once",
                refused.getMessage());
    }
}
