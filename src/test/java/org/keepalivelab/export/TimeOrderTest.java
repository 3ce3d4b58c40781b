package org.keepalivelab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;

class TimeOrderTest {

    @Test
    void indexesInTimeOrderEqualTimesAsAppended() {
        for (int n : new int[] {0, 1, 2, 3, 17, 4_097, 10_001}) {
            var random = new Random(n);
            var timeline = new Timeline();
            for (int i = 0; i < n; i++) {
                // mostly rising, a few stamps a little older, many equal times
                long t = i / 3 - (random.nextInt(10) == 0 ? random.nextInt(20) : 0);
                timeline.append(new StateEvent(t, 1, Side.CLIENT, TcpState.ESTABLISHED, 0, false));
            }
            int[] expected = IntStream.range(0, n).boxed().sorted(Comparator.comparingLong(timeline::t))
                    .mapToInt(Integer::intValue).toArray(); // a stable sort
            assertArrayEquals(expected, TimeOrder.of(timeline), n + " events");
        }
    }

    @Test
    void aTimelineBackwardsIsTurnedRound() {
        var timeline = new Timeline();
        for (int i = 0; i < 1_000; i++) {
            timeline.append(new StateEvent(1_000 - i, 1, Side.SERVER, TcpState.CLOSE_WAIT, 0, false));
        }
        assertArrayEquals(IntStream.range(0, 1_000).map(i -> 999 - i).toArray(), TimeOrder.of(timeline));
    }
}
