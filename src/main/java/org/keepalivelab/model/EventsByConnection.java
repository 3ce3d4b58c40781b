package org.keepalivelab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.keepalivelab.model.store.MappedBlocks;
import org.keepalivelab.model.store.TimeRecords;

/**
 * Every connection's events of a {@link Timeline} as indexes into it, in time order per connection
 * (equal times in the order appended), read as the timeline grows and kept, as the timeline is, off
 * the heap in {@link TimeRecords} of its store directory (16 bytes an event): a reader that wants one
 * connection's events (the story panel's, four times a second) reads only those, however many the
 * timeline holds. {@link #update} reads only what the timeline appended since. Events of no
 * connection (a number below 1) are passed over.
 *
 * <p>One thread updates it. A reader of a timeline that still grows (the story panel's) keeps its own
 * and reads it on that thread. One of a timeline that no longer grows (an opened capture's) is updated
 * once and from then on is read-only: {@link #count}, {@link #event}, {@link #events}, {@link #read} and
 * {@link #latestT} only read its fields and its mapped rows ({@link TimeRecords}, which write nothing on
 * a read), so any number of threads may read it at once, once it was handed to them after that update
 * (a happens-before edge: a {@code CompletableFuture} completed, a thread started, a task submitted).
 */
public final class EventsByConnection {
    /** The first file holds many connections' first blocks; the largest 16 MB, as a reader's rows. */
    private static final long FIRST_FILE = 64 << 10;
    private static final long LARGEST_FILE = 16 << 20;

    private final Timeline timeline;
    private final MappedBlocks store;
    private TimeRecords[] rows = new TimeRecords[16]; // connection c at c - 1, made at its first event
    private int read;
    private long latest = Long.MIN_VALUE;

    public EventsByConnection(Timeline timeline) {
        this.timeline = timeline;
        this.store = new MappedBlocks(timeline.directory(), "by-connection", FIRST_FILE, LARGEST_FILE);
    }

    /** Takes in the events the timeline appended since the last call, up to its size now. */
    public void update() {
        int size = timeline.size();
        for (int i = read; i < size; i++) {
            long t = timeline.t(i);
            latest = Math.max(latest, t);
            int conn = timeline.conn(i); // the columns: no record made
            if (conn >= 1) {
                row(conn).add(t, i, 0);
            }
        }
        read = size;
    }

    private TimeRecords row(int conn) {
        if (conn > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(conn, rows.length * 2));
        }
        if (rows[conn - 1] == null) {
            rows[conn - 1] = new TimeRecords(store);
        }
        return rows[conn - 1];
    }

    /** How many of the timeline's events {@link #update} has read. */
    public int read() {
        return read;
    }

    /** The latest time of the events read, ns; {@link Long#MIN_VALUE} before any. */
    public long latestT() {
        return latest;
    }

    /** How many events connection {@code conn} has among those read. */
    public int count(int conn) {
        return conn >= 1 && conn <= rows.length && rows[conn - 1] != null ? rows[conn - 1].size() : 0;
    }

    /** The timeline's index of connection {@code conn}'s {@code k}-th event in time order, {@code k < count(conn)}. */
    public int event(int conn, int k) {
        return rows[conn - 1].event(k);
    }

    /** Connection {@code conn}'s events among those read, in time order, as records on the heap. */
    public List<Event> events(int conn) {
        int n = count(conn);
        var events = new ArrayList<Event>(n);
        for (int k = 0; k < n; k++) {
            events.add(timeline.get(rows[conn - 1].event(k)));
        }
        return events;
    }
}
