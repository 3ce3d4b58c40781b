package org.keepalivelab.ui.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Explanation;

/**
 * What the explanations so far (in the window, the selected connection's; in an export, every drawn one's)
 * add to the timeline, by connection: the detections it brackets, and the probes a reset middlebox answered,
 * which the details word as the middlebox's though the lane draws them dropped. Immutable: the layout takes
 * a new one as a change, by identity, and lays its lanes out again.
 */
public final class LaneDetections {
    public static final LaneDetections NONE = new LaneDetections(Map.of(), Map.of());

    private final Map<Integer, List<Detection>> byConn;
    private final Map<Integer, List<Long>> answeredByMiddlebox;

    private LaneDetections(Map<Integer, List<Detection>> byConn, Map<Integer, List<Long>> answeredByMiddlebox) {
        this.byConn = byConn;
        this.answeredByMiddlebox = answeredByMiddlebox;
    }

    /** The detections of {@code explanations}, each under its connection. */
    public static LaneDetections of(Collection<Explanation> explanations) {
        var byConn = explanations.stream().flatMap(e -> e.detections().stream())
                .collect(Collectors.groupingBy(Detection::conn, Collectors.toUnmodifiableList()));
        var middlebox = explanations.stream().filter(e -> !e.answeredByMiddlebox().isEmpty())
                .collect(Collectors.toUnmodifiableMap(e -> e.story().conn(), Explanation::answeredByMiddlebox));
        return byConn.isEmpty() && middlebox.isEmpty() ? NONE : new LaneDetections(Map.copyOf(byConn), middlebox);
    }

    /** Whether a reset middlebox answered connection {@code conn}'s probe sent at {@code t}. */
    public boolean answeredByMiddlebox(int conn, long t) {
        return answeredByMiddlebox.getOrDefault(conn, List.of()).contains(t);
    }

    /** Connection {@code conn}'s detections; empty for one not explained. */
    public List<Detection> of(int conn) {
        return byConn.getOrDefault(conn, List.of());
    }
}
