package org.keepalivelab.ui.timeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentRows;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.model.store.MappedBlocks;

/**
 * What the timeline view draws: the lab's events sorted into a lane per connection, the segments
 * (and their probes' answers) as the model's {@link SegmentRows} keeps them, the rest in the model's
 * own store: off the heap, as the timeline is. {@link #pull} reads only
 * what the lab appended since the last call, so once per frame is cheap.
 * Confined to one thread (the FX thread for the live view).
 */
public final class TimelineModel {
    /** The lanes' states, application events and actions: the first file holds many lanes' first blocks. */
    private static final long FIRST_FILE = 64 << 10;
    private static final long LARGEST_FILE = 16 << 20;

    private final Timeline timeline;
    private final SegmentRows segmentRows;
    private final MappedBlocks store;
    private final IntPredicate assumed;
    private final List<ConnectionLane> lanes = new ArrayList<>();
    private final List<ConnectionLane> lanesView = Collections.unmodifiableList(lanes); // read every frame
    private int read;
    private int segments;
    private long firstT = Long.MAX_VALUE;
    private long lastT = Long.MIN_VALUE;

    /** The model of a lab's timeline, whose every label the lab saw for itself. */
    public TimelineModel(Timeline timeline) {
        this(timeline, index -> false);
    }

    /**
     * @param assumed which events' labels rest on what the source cannot show (an imported capture's, by
     *                {@code imports.ImportResult.assumed()}): their details say so
     */
    public TimelineModel(Timeline timeline, IntPredicate assumed) {
        this.timeline = timeline;
        this.assumed = assumed;
        this.segmentRows = new SegmentRows(timeline);
        this.store = new MappedBlocks(timeline.directory(), "lanes", FIRST_FILE, LARGEST_FILE);
    }

    /** Takes in what is new on the lab's timeline; returns true if anything was. */
    public boolean pull() {
        if (!segmentRows.update()) {
            return false;
        }
        int size = segmentRows.read(); // the same events the rows took in, however many were appended since
        for (int i = read; i < size; i++) {
            long t = timeline.t(i);
            firstT = Math.min(firstT, t);
            lastT = Math.max(lastT, t);
            if (timeline.isSegment(i)) {
                lane(timeline.conn(i)); // from the store's columns: no record made for nearly all events
                segments++;
            } else {
                add(timeline.get(i), i);
            }
        }
        read = size;
        return true;
    }

    private void add(Event event, int index) {
        var lane = lane(event.conn());
        switch (event) {
            case SegmentEvent segment -> throw new IllegalArgumentException("segments come from the rows: " + segment);
            case StateEvent state -> lane.add(state, index);
            case AppEvent app -> lane.add(app, index);
            case ActionEvent action -> lane.add(action, index);
        }
    }

    private ConnectionLane lane(int conn) {
        while (lanes.size() < conn) {
            int next = lanes.size() + 1;
            lanes.add(new ConnectionLane(next, segmentRows.sent(next, Side.CLIENT), segmentRows.sent(next, Side.SERVER),
                    timeline, store));
        }
        return lanes.get(conn - 1);
    }

    /** The lab's timeline this model reads. */
    public Timeline source() {
        return timeline;
    }

    /** True when the label of the event at {@code index} is assumed from a capture, not seen. */
    public boolean assumed(int index) {
        return assumed.test(index);
    }

    /** Lanes in order of connection; lane {@code i} is connection {@code i + 1}. */
    public List<ConnectionLane> lanes() {
        return lanesView;
    }

    public Optional<ConnectionLane> lane(int conn, boolean create) {
        if (conn >= 1 && conn <= lanes.size()) {
            return Optional.of(lanes.get(conn - 1));
        }
        return create && conn >= 1 ? Optional.of(lane(conn)) : Optional.empty();
    }

    /** How many of the lab's events the model has taken in: it changes whenever what the model holds does. */
    int version() {
        return read;
    }

    public int segmentCount() {
        return segments;
    }

    public boolean isEmpty() {
        return read == 0;
    }

    /** The earliest event's time (0 when empty). */
    public long firstT() {
        return isEmpty() ? 0 : firstT;
    }

    /** The latest event's time (0 when empty). */
    public long lastT() {
        return isEmpty() ? 0 : lastT;
    }
}
