package org.keepalivelab.ui.capture;

import java.util.List;
import java.util.Optional;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.export.LoggedRun;
import org.keepalivelab.lab.SamplingTick;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.EventsByConnection;

/**
 * What an explanation reads about one connection of a capture: its events, in time order, found through
 * the capture's index of each connection's events (so one connection's facts cost its own events, not
 * the file's), and nothing the file cannot tell: no settings, no live status, the kernel's settings
 * unknown (-1, as {@link KernelSettings} writes a value it could not read: the capture may come from any
 * machine), made at its own last event. Of a saved run, its event log tells more: the settings each
 * connection was opened with and the kernel's, as {@code explain.LabFacts} gives them for a run that is
 * over.
 */
public final class CaptureFacts {
    /** The kernel of a capture's machine: not in the file. */
    static final KernelSettings UNKNOWN_KERNEL = new KernelSettings("unknown (a capture file)", -1, -1, -1, -1, -1, -1, -1);

    /**
     * The most events one explanation copies onto the heap (about 60 bytes each as records): a connection
     * of a 10-million-packet file must not hold the whole heap for its story.
     */
    static final int MOST_EVENTS = 1_000_000;

    /** A connection with more than {@link #MOST_EVENTS} events: {@link #getMessage()} says so in one sentence. */
    public static final class TooManyEvents extends IllegalStateException {
        TooManyEvents(int conn, int events) {
            super(String.format("connection %d has %,d events, more than the %,d the window explains at once", conn,
                    events, MOST_EVENTS));
        }

        /** The reason in a few words, for a cell of the connection list. */
        public static String brief() {
            return String.format("more than %,d events", MOST_EVENTS);
        }
    }

    private CaptureFacts() {
    }

    /**
     * Connection {@code conn}'s facts, its events found through {@code index} (updated once, read-only
     * since); any thread.
     *
     * @throws TooManyEvents when it has more than {@link #MOST_EVENTS} events
     */
    public static ConnectionFacts of(EventsByConnection index, int conn) {
        var events = events(index, conn);
        long last = events.isEmpty() ? 0 : events.getLast().t();
        return new ConnectionFacts(conn, events, Optional.empty(), UNKNOWN_KERNEL, Optional.empty(), last, 0);
    }

    /**
     * Connection {@code conn}'s facts in a saved run read back from {@code log}: its events, its settings
     * and the kernel's, nothing live, made at the run's last event; any thread.
     *
     * @throws TooManyEvents when it has more than {@link #MOST_EVENTS} events
     */
    public static ConnectionFacts ofSaved(EventsByConnection index, int conn, LoggedRun log) {
        var settings = log.connections().stream().filter(c -> c.conn() == conn).findFirst()
                .flatMap(LoggedRun.Connection::settings);
        return new ConnectionFacts(conn, events(index, conn), settings, log.kernel(), Optional.empty(), log.lastT(),
                SamplingTick.periodNanos(log.connections().size()));
    }

    /** The connection's events in time order (equal times as the file had them), counted before any is copied. */
    private static List<Event> events(EventsByConnection index, int conn) {
        int n = index.count(conn);
        if (n > MOST_EVENTS) {
            throw new TooManyEvents(conn, n);
        }
        return index.events(conn);
    }
}
