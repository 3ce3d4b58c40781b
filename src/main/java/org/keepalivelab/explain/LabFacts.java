package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.SamplingTick;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.Timeline;

/**
 * What an explanation reads about a lab's connections, gathered from the lab's own records: each
 * connection's events from the timeline, in time order, its settings and, while the run goes on, its
 * status as last sampled. The events are copied for the one explanation made from them and dropped
 * with it: nothing keeps a copy per connection. Any thread (the timeline is safe to read anywhere).
 */
public final class LabFacts {
    private LabFacts() {
    }

    /**
     * The facts of every connection of {@code lab}, as a run that is over, made now: the run's end, which
     * a side that never learned counts to (its last event may be long before).
     */
    public static List<ConnectionFacts> ofFinished(Lab lab, KernelSettings kernel) {
        var connections = lab.connections();
        return of(lab.timeline(), connections, connections.size(), kernel, false, lab.clock().now());
    }

    /**
     * The facts of each of {@code connections} of a run that is over, in their order, from one pass over
     * {@code timeline}: no live status, and made at the run's last event.
     *
     * @param labConnections how many connections the lab had: how often it sampled each
     */
    public static List<ConnectionFacts> ofFinished(Timeline timeline, List<ConnectionStatus> connections,
                                                   int labConnections, KernelSettings kernel) {
        return of(timeline, connections, labConnections, kernel, false, Long.MIN_VALUE);
    }

    /**
     * The facts of each of {@code connections}, in their order, from one pass over {@code timeline}.
     *
     * @param labConnections how many connections the lab has: how often it samples each
     * @param live           true while the run goes on: each status is then the connection's live one
     * @param now            the lab time the explanations are made at, ns; {@link Long#MIN_VALUE} for the
     *                       latest event's
     */
    public static List<ConnectionFacts> of(Timeline timeline, List<ConnectionStatus> connections, int labConnections,
                                           KernelSettings kernel, boolean live, long now) {
        int most = connections.stream().mapToInt(ConnectionStatus::conn).max().orElse(0);
        int[] slot = new int[most + 1]; // connection number → its place in the list, or -1
        Arrays.fill(slot, -1);
        var events = new ArrayList<List<Event>>();
        for (int i = 0; i < connections.size(); i++) {
            slot[connections.get(i).conn()] = i;
            events.add(new ArrayList<>());
        }
        int size = timeline.size();
        long latest = 0;
        for (int i = 0; i < size; i++) {
            latest = Math.max(latest, timeline.t(i));
            int conn = timeline.conn(i); // a primitive column: no record made for other connections' events
            if (conn >= 1 && conn <= most && slot[conn] >= 0) {
                events.get(slot[conn]).add(timeline.get(i));
            }
        }
        long at = now == Long.MIN_VALUE ? latest : now;
        long period = SamplingTick.periodNanos(labConnections);
        var facts = new ArrayList<ConnectionFacts>(connections.size());
        for (int i = 0; i < connections.size(); i++) {
            var status = connections.get(i);
            var own = events.get(i);
            own.sort(Comparator.comparingLong(Event::t)); // stable: equal times keep the order they were appended
            facts.add(new ConnectionFacts(status.conn(), own, Optional.of(status.settings()), kernel,
                    live ? Optional.of(status) : Optional.empty(), at, period));
        }
        return facts;
    }
}
