package org.keepalivelab.ui.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.export.LoggedRun;
import org.keepalivelab.lab.SamplingTick;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.Timeline;

/**
 * What an explanation reads about one connection of a capture: its events from the timeline, in time
 * order, and nothing the file cannot tell: no settings, no live status, the kernel's settings unknown
 * (-1, as {@link KernelSettings} writes a value it could not read: the capture may come from any
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

    private CaptureFacts() {
    }

    /**
     * Connection {@code conn}'s facts, from one pass over {@code timeline}'s connection column; any thread.
     *
     * @throws IllegalStateException when it has more than {@link #MOST_EVENTS} events, in one sentence
     */
    public static ConnectionFacts of(Timeline timeline, int conn) {
        var events = events(timeline, conn);
        long last = events.isEmpty() ? 0 : events.getLast().t();
        return new ConnectionFacts(conn, events, Optional.empty(), UNKNOWN_KERNEL, Optional.empty(), last, 0);
    }

    /**
     * Connection {@code conn}'s facts in a saved run read back from {@code log}: its events, its settings
     * and the kernel's, nothing live, made at the run's last event; any thread.
     *
     * @throws IllegalStateException when it has more than {@link #MOST_EVENTS} events, in one sentence
     */
    public static ConnectionFacts ofSaved(Timeline timeline, int conn, LoggedRun log) {
        var settings = log.connections().stream().filter(c -> c.conn() == conn).findFirst()
                .flatMap(LoggedRun.Connection::settings);
        return new ConnectionFacts(conn, events(timeline, conn), settings, log.kernel(), Optional.empty(), log.lastT(),
                SamplingTick.periodNanos(log.connections().size()));
    }

    /** The connection's events in time order, from one pass over the timeline's connection column. */
    private static List<Event> events(Timeline timeline, int conn) {
        var events = new ArrayList<Event>();
        int size = timeline.size();
        for (int i = 0; i < size; i++) {
            if (timeline.conn(i) == conn) {
                if (events.size() == MOST_EVENTS) {
                    throw new IllegalStateException(String.format("connection %d has more than %,d events, more than "
                            + "the window explains at once", conn, MOST_EVENTS));
                }
                events.add(timeline.get(i));
            }
        }
        events.sort(Comparator.comparingLong(Event::t)); // stable: a file slightly out of order keeps its order at equal times
        return events;
    }
}
