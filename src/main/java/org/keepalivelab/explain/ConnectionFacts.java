package org.keepalivelab.explain;

import java.util.List;
import java.util.Optional;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.LabSettings;
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
}
