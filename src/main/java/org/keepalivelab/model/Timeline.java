package org.keepalivelab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lab's append-only record of events: the capture, the lab's I/O loop and the socket watcher
 * append; the UI and the exporters read.
 *
 * <p>Appends are serialised; reads take no lock. An event at index {@code i < size()} never changes,
 * so a reader can remember how far it has read and pick up only what is new ({@link #size()} doubles
 * as a version number). Storage grows in fixed chunks: nothing is copied as the lab runs for hours.
 *
 * <p>Events arrive roughly, not strictly, in time order (a kernel timestamp may be a little older
 * than an application event appended just before it): {@link #inTimeOrder()} sorts.
 */
public final class Timeline {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

    private volatile Event[][] chunks = new Event[16][];
    private volatile int size;

    /** Adds an event; safe from any thread. */
    public synchronized void append(Event event) {
        int chunk = size >>> CHUNK_BITS;
        Event[][] table = chunks;
        if (chunk == table.length) {
            table = java.util.Arrays.copyOf(table, table.length * 2);
        }
        if (table[chunk] == null) {
            table[chunk] = new Event[CHUNK_SIZE];
        }
        table[chunk][size & (CHUNK_SIZE - 1)] = event;
        chunks = table;
        size = size + 1; // volatile write publishes the event and the table
    }

    /** How many events are readable; grows only. */
    public int size() {
        return size;
    }

    /** The event at {@code index}, which must be below a {@link #size()} read earlier. */
    public Event get(int index) {
        return chunks[index >>> CHUNK_BITS][index & (CHUNK_SIZE - 1)];
    }

    /** Every event so far, in the order appended. */
    public List<Event> snapshot() {
        int n = size;
        var events = new ArrayList<Event>(n);
        for (int i = 0; i < n; i++) {
            events.add(get(i));
        }
        return events;
    }

    /** Every event so far, sorted by time; events with equal times keep the order they were appended. */
    public List<Event> inTimeOrder() {
        var events = snapshot();
        events.sort(Comparator.comparingLong(Event::t));
        return events;
    }
}
