package org.keepalivelab.model;

import java.util.ArrayList;
import java.util.List;
import org.keepalivelab.model.store.MappedBlocks;

/**
 * Every connection's segments, a {@link SegmentRow} per side, read from a {@link Timeline} as it
 * grows and kept, as the timeline is, off the heap in mapped files of its store directory, with each
 * keep-alive probe's answer ({@link ProbeAnswers}) decided as its segments arrive: any reader (the timeline view, an export) asks what answered a probe without deciding it again.
 * {@link #update} reads only what the timeline appended since. Confined to one thread; each reader
 * keeps its own.
 */
public final class SegmentRows {
    /** A reader's rows: the first file holds a few connections' first blocks, the largest 16 MB. */
    private static final long FIRST_FILE = 64 << 10;
    private static final long LARGEST_FILE = 16 << 20;

    private final Timeline timeline;
    private final MappedBlocks store;
    private final List<SegmentRow> rows = new ArrayList<>(); // connection c: 2(c-1) the client's, 2(c-1)+1 the server's
    private int read;

    public SegmentRows(Timeline timeline) {
        this.timeline = timeline;
        this.store = new MappedBlocks(timeline.directory(), "rows", FIRST_FILE, LARGEST_FILE);
    }

    /** Takes in the segments the timeline appended since the last call; returns true if it appended anything. */
    public boolean update() {
        return update(timeline.size());
    }

    /**
     * Takes in the timeline's events from the last call's end up to {@code size} (at most its size now):
     * a record that ends there; returns true if it appended anything.
     */
    public boolean update(int size) {
        if (size <= read) {
            return false;
        }
        for (int i = read; i < size; i++) {
            if (timeline.isSegment(i)) {
                add(i);
            }
        }
        read = size;
        return true;
    }

    private void add(int index) {
        int conn = timeline.conn(index);
        Side sender = timeline.direction(index).sender();
        var row = sent(conn, sender);
        int at = row.add(timeline.t(index), timeline.segmentKind(index), timeline.dropped(index),
                timeline.inferred(index), timeline.length(index), index);
        ProbeAnswers.settleAround(row, at, sent(conn, sender.peer()));
    }

    /** How many of the timeline's events {@link #update} has read (segments and the rest). */
    public int read() {
        return read;
    }

    /** The segments {@code side} sent on connection {@code conn} (1-based): an empty row before its first. */
    public SegmentRow sent(int conn, Side side) {
        while (rows.size() < 2 * conn) {
            rows.add(new SegmentRow(rows.size() % 2 == 0 ? Direction.C2S : Direction.S2C, store));
        }
        return rows.get(2 * (conn - 1) + (side == Side.CLIENT ? 0 : 1));
    }

    /**
     * What answered the keep-alive probe that is event {@code eventIndex} of the timeline, read by
     * {@link #update} already.
     *
     * @throws IllegalArgumentException for an event that is no probe, or not read yet
     */
    public ProbeAnswer answer(int eventIndex) {
        var row = rowOfProbe(eventIndex);
        return row.answer(row.indexOf(timeline.t(eventIndex), eventIndex));
    }

    /**
     * The timeline event that answered the keep-alive probe {@code eventIndex} ({@link ProbeAnswers}),
     * or -1 when none did.
     *
     * @throws IllegalArgumentException for an event that is no probe, or not read yet
     */
    public int answeredBy(int eventIndex) {
        var row = rowOfProbe(eventIndex);
        var peer = sent(timeline.conn(eventIndex), timeline.direction(eventIndex).receiver());
        int j = ProbeAnswers.answering(row, row.indexOf(timeline.t(eventIndex), eventIndex), peer);
        return j < 0 ? -1 : peer.eventIndex(j);
    }

    /**
     * True while the keep-alive probe {@code eventIndex} may still be answered by what comes next
     * ({@link ProbeAnswers#waiting}): for a record that ends here, it was neither answered nor left
     * unanswered.
     *
     * @throws IllegalArgumentException for an event that is no probe, or not read yet
     */
    public boolean waiting(int eventIndex) {
        var row = rowOfProbe(eventIndex);
        var peer = sent(timeline.conn(eventIndex), timeline.direction(eventIndex).receiver());
        return ProbeAnswers.waiting(row, row.indexOf(timeline.t(eventIndex), eventIndex), peer);
    }

    private SegmentRow rowOfProbe(int eventIndex) {
        if (eventIndex < 0 || eventIndex >= read || !timeline.isSegment(eventIndex)
                || timeline.segmentKind(eventIndex) != SegmentKind.KEEPALIVE) {
            throw new IllegalArgumentException("event " + eventIndex + " is no keep-alive probe read so far");
        }
        return sent(timeline.conn(eventIndex), timeline.direction(eventIndex).sender());
    }
}
