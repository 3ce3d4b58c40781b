package org.keepalivelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class EventsByConnectionTest {

    @Test
    void eachConnectionsEventsInTimeOrderEqualTimesAsAppended() {
        var timeline = new Timeline();
        timeline.append(state(30, 1, TcpState.ESTABLISHED));
        timeline.append(state(10, 2, TcpState.SYN_SENT));
        timeline.append(state(20, 1, TcpState.FIN_WAIT1)); // older than the event before it: a kernel stamp
        timeline.append(state(20, 1, TcpState.FIN_WAIT2)); // the same time: after the one appended first
        timeline.append(state(5, 0, TcpState.CLOSED)); // no connection's
        var index = new EventsByConnection(timeline);
        index.update();

        assertEquals(List.of(2, 3, 0), indexes(index, 1));
        assertEquals(List.of(1), indexes(index, 2));
        assertEquals(0, index.count(0));
        assertEquals(0, index.count(3));
        assertEquals(30, index.latestT());
        assertEquals(5, index.read());
    }

    @Test
    void anUpdateTakesInOnlyWhatWasAppendedSince() {
        var timeline = new Timeline();
        var index = new EventsByConnection(timeline);
        index.update();
        assertEquals(Long.MIN_VALUE, index.latestT());
        for (int i = 0; i < 10_000; i++) {
            timeline.append(state(i, 1 + i % 3, TcpState.ESTABLISHED));
            if (i % 1_000 == 0) {
                index.update();
            }
        }
        timeline.append(state(40, 700, TcpState.CLOSED));
        index.update();

        assertEquals(10_001, index.read());
        assertEquals(3_334, index.count(1));
        assertEquals(3_333, index.count(3));
        assertEquals(List.of(10_000), indexes(index, 700));
        var first = indexes(index, 2);
        for (int k = 0; k < first.size(); k++) {
            assertEquals(1 + 3 * k, first.get(k));
        }
    }

    @Test
    void onceUpdatedSeveralThreadsReadItAtOnceAndSeeTheSame() throws Exception {
        var timeline = new Timeline();
        for (int i = 0; i < 50_000; i++) {
            timeline.append(state(i / 7 * 7, 1 + i % 50, TcpState.ESTABLISHED)); // equal times: kept as appended
        }
        var index = new EventsByConnection(timeline);
        index.update(); // here, then handed to the readers by the executor's submit
        var expected = new ArrayList<List<Event>>();
        for (int conn = 1; conn <= 50; conn++) {
            expected.add(index.events(conn));
        }
        Callable<List<List<Event>>> read = () -> {
            var seen = new ArrayList<List<Event>>();
            for (int conn = 1; conn <= 50; conn++) {
                seen.add(index.events(conn));
            }
            return seen;
        };
        try (var readers = Executors.newFixedThreadPool(4)) {
            var futures = List.of(readers.submit(read), readers.submit(read), readers.submit(read), readers.submit(read));
            for (var future : futures) {
                assertEquals(expected, future.get());
            }
        }
        assertEquals(1_000, expected.getFirst().size());
        assertEquals(timeline.get(0), expected.getFirst().getFirst());
    }

    private static StateEvent state(long t, int conn, TcpState state) {
        return new StateEvent(t, conn, Side.CLIENT, state, 0, false);
    }

    private static List<Integer> indexes(EventsByConnection index, int conn) {
        var indexes = new ArrayList<Integer>();
        for (int k = 0; k < index.count(conn); k++) {
            indexes.add(index.event(conn, k));
        }
        return indexes;
    }
}
