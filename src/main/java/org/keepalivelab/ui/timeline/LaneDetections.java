package org.keepalivelab.ui.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Explanation;

/**
 * The detections the timeline brackets, by connection: those explained so far (in the window, the
 * selected connection's; in an export, every drawn one's). Immutable: the layout takes a new one as a
 * change, by identity, and lays its lanes out again.
 */
public final class LaneDetections {
    public static final LaneDetections NONE = new LaneDetections(Map.of());

    private final Map<Integer, List<Detection>> byConn;

    private LaneDetections(Map<Integer, List<Detection>> byConn) {
        this.byConn = byConn;
    }

    /** The detections of {@code explanations}, each under its connection. */
    public static LaneDetections of(Collection<Explanation> explanations) {
        var byConn = explanations.stream().flatMap(e -> e.detections().stream())
                .collect(Collectors.groupingBy(Detection::conn, Collectors.toUnmodifiableList()));
        return byConn.isEmpty() ? NONE : new LaneDetections(Map.copyOf(byConn));
    }

    /** Connection {@code conn}'s detections; empty for one not explained. */
    public List<Detection> of(int conn) {
        return byConn.getOrDefault(conn, List.of());
    }
}
