package org.keepalivelab.ui.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.Timeline;

/**
 * What an explanation reads about one connection of a capture: its events from the timeline, in time
 * order, and nothing the file cannot tell: no settings, no live status, the kernel's settings unknown
 * (-1, as {@link KernelSettings} writes a value it could not read: the capture may come from any
 * machine), made at its own last event.
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
        var events = new ArrayList<Event>();
        int size = timeline.size();
        long last = 0;
        for (int i = 0; i < size; i++) {
            if (timeline.conn(i) == conn) {
                if (events.size() == MOST_EVENTS) {
                    throw new IllegalStateException(String.format("connection %d has more than %,d events, more than "
                            + "the window explains at once", conn, MOST_EVENTS));
                }
                events.add(timeline.get(i));
                last = Math.max(last, timeline.t(i));
            }
        }
        events.sort(Comparator.comparingLong(Event::t)); // stable: a file slightly out of order keeps its order at equal times
        return new ConnectionFacts(conn, events, Optional.empty(), UNKNOWN_KERNEL, Optional.empty(), last, 0);
    }
}
