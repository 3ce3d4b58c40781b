package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SamplingTick;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Event;

/**
 * Everything an explanation of one connection reads.
 *
 * @param events          the connection's events, in time order
 * @param settings        the settings it was opened with; empty where they are unknown (a capture file)
 * @param kernel          the TCP settings of the kernel the connection ran on, in force during the run
 * @param live            while the run goes on, the connection as last sampled (its kernel timers), for
 *                        what happens next; empty once the run is over
 * @param now             the lab time the explanation is made at, in nanoseconds
 * @param samplingPeriod  how long apart the lab sampled this connection's kernel states, in nanoseconds:
 *                        a state it found began at most this long before
 */
public record ConnectionFacts(int conn, List<Event> events, Optional<LabSettings> settings, KernelSettings kernel,
                              Optional<ConnectionStatus> live, long now, long samplingPeriod) {
    public ConnectionFacts {
        events = List.copyOf(events);
    }

    /**
     * Every connection of {@code lab}, from {@code events} (the lab's timeline in time order), with the
     * settings each was opened with. Reads no file: the caller reads {@code kernel} off the FX thread.
     *
     * @param running true while the lab goes on: each connection's latest sample then tells what its
     *                kernel does next
     */
    public static List<ConnectionFacts> ofLab(Lab lab, List<Event> events, KernelSettings kernel, boolean running) {
        var statuses = lab.connections();
        var perConnection = new ArrayList<List<Event>>();
        statuses.forEach(status -> perConnection.add(new ArrayList<>()));
        for (var event : events) {
            if (event.conn() >= 1 && event.conn() <= statuses.size()) {
                perConnection.get(event.conn() - 1).add(event);
            }
        }
        long now = lab.clock().now();
        long period = SamplingTick.periodNanos(statuses.size());
        var facts = new ArrayList<ConnectionFacts>(statuses.size());
        for (var status : statuses) {
            facts.add(new ConnectionFacts(status.conn(), perConnection.get(status.conn() - 1),
                    Optional.of(status.settings()), kernel, running ? Optional.of(status) : Optional.empty(), now,
                    period));
        }
        return facts;
    }
}
