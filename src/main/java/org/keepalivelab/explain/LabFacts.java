package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.SamplingTick;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.EventsByConnection;
import org.keepalivelab.model.Timeline;

/**
 * What an explanation reads about a lab's connections, gathered from the lab's own records: each
 * connection's events from the timeline, in time order, its settings and, while the run goes on, its
 * status as last sampled. The events are found through an index per connection
 * ({@link EventsByConnection}, off the heap), so one connection's facts cost what it holds, not what
 * the timeline holds; they are copied for the one explanation made from them and dropped with it:
 * nothing keeps a copy per connection.
 *
 * <p>An instance keeps its index up to date as the timeline grows, for a reader that asks again and
 * again (the window's story panel, on {@code ui-explain}), and is confined to the thread that asks;
 * the static methods index a run that is over once and explain it one connection at a time.
 */
public final class LabFacts {
    private final EventsByConnection index;

    /** The facts of {@code timeline}'s connections, indexed at the first request and kept up to date. */
    public LabFacts(Timeline timeline) {
        this.index = new EventsByConnection(timeline);
    }

    /**
     * The facts of {@code status}'s connection while the run goes on: its events so far, that status as
     * its live one, made at {@code now}. Reads only what the timeline appended since the last call, and
     * the connection's own events.
     *
     * @param labConnections how many connections the lab has: how often it samples each
     * @param now            the lab time the explanation is made at, ns
     */
    public ConnectionFacts live(ConnectionStatus status, int labConnections, KernelSettings kernel, long now) {
        return facts(status, Optional.of(status), labConnections, kernel, now);
    }

    /**
     * The facts of {@code status}'s connection in a run that is over: no live status.
     *
     * @param labConnections how many connections the lab had: how often it sampled each
     * @param now            the lab time the explanation is made at, ns: the run's end, which a side that
     *                       never learned counts to; {@link Long#MIN_VALUE} for the latest event's
     */
    public ConnectionFacts finished(ConnectionStatus status, int labConnections, KernelSettings kernel, long now) {
        return facts(status, Optional.empty(), labConnections, kernel, now);
    }

    /**
     * The explanations of every connection of {@code lab}, as a run that is over, made now: the run's
     * end, which a side that never learned counts to (its last event may be long before).
     */
    public static List<Explanation> explainFinished(Lab lab, KernelSettings kernel) {
        var connections = lab.connections();
        return explainFinished(lab.timeline(), connections, connections.size(), kernel, lab.clock().now());
    }

    /**
     * The explanations of each of {@code connections} of a run that is over, in their order, made at the
     * run's last event: no live status.
     *
     * @param labConnections how many connections the lab had: how often it sampled each
     */
    public static List<Explanation> explainFinished(Timeline timeline, List<ConnectionStatus> connections,
                                                    int labConnections, KernelSettings kernel) {
        return explainFinished(timeline, connections, labConnections, kernel, Long.MIN_VALUE);
    }

    /** One connection's events on the heap at a time: each is explained and dropped before the next. */
    private static List<Explanation> explainFinished(Timeline timeline, List<ConnectionStatus> connections,
                                                     int labConnections, KernelSettings kernel, long now) {
        var facts = new LabFacts(timeline);
        var explained = new ArrayList<Explanation>(connections.size());
        for (var status : connections) {
            explained.add(Explanation.of(facts.finished(status, labConnections, kernel, now)));
        }
        return explained;
    }

    /** One connection's facts: the index brought up to date, then its events, found through it, in time order. */
    private ConnectionFacts facts(ConnectionStatus status, Optional<ConnectionStatus> live, int labConnections,
                                  KernelSettings kernel, long now) {
        index.update();
        var events = index.events(status.conn());
        long at = now == Long.MIN_VALUE ? Math.max(0, index.latestT()) : now;
        return new ConnectionFacts(status.conn(), events, Optional.of(status.settings()), kernel, live, at,
                SamplingTick.periodNanos(labConnections));
    }
}
