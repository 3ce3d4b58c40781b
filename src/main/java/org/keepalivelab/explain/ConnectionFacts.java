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
    /** A capture's kernel: nothing of it is known, every value -1 as {@link KernelSettings#read()} gives off Linux. */
    static final KernelSettings CAPTURED_KERNEL = new KernelSettings("unknown (a capture)", -1, -1, -1, -1, -1, -1, -1);

    public ConnectionFacts {
        events = List.copyOf(events);
    }

    /**
     * The facts of a connection read from a capture: its segments and the states they imply, in time
     * order; no settings, no kernel, no sampling, no application events, nothing live.
     *
     * @param end the capture's last packet, ns from its first: where its record ends
     */
    public static ConnectionFacts ofCapture(int conn, List<Event> events, long end) {
        return new ConnectionFacts(conn, events, Optional.empty(), CAPTURED_KERNEL, Optional.empty(), end, 0);
    }

    /**
     * True for a connection read from a capture, where nothing of the applications is known: its
     * settings are then unknown too ({@link #ofCapture}).
     */
    public boolean fromCapture() {
        return settings.isEmpty();
    }
}
