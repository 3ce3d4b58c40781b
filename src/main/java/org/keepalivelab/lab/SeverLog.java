package org.keepalivelab.lab;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.keepalivelab.model.Direction;

/**
 * When each direction of a connection was severed, so the capture can mark a segment as dropped by
 * its own kernel timestamp even when it reads the segment after the network was restored.
 */
final class SeverLog {
    private record Interval(long from, long to) {
    }

    private final Map<Direction, List<Interval>> intervals = new EnumMap<>(Direction.class);

    synchronized void sever(Direction dir, long t) {
        if (!isSevered(dir)) {
            intervals.computeIfAbsent(dir, d -> new ArrayList<>()).add(new Interval(t, Long.MAX_VALUE));
        }
    }

    synchronized void restore(Direction dir, long t) {
        if (isSevered(dir)) {
            var list = intervals.get(dir);
            list.set(list.size() - 1, new Interval(list.getLast().from(), t));
        }
    }

    synchronized boolean isSevered(Direction dir) {
        var list = intervals.get(dir);
        return list != null && list.getLast().to() == Long.MAX_VALUE;
    }

    synchronized boolean severedAt(Direction dir, long t) {
        for (var interval : intervals.getOrDefault(dir, List.of())) {
            if (t >= interval.from() && t < interval.to()) {
                return true;
            }
        }
        return false;
    }
}
