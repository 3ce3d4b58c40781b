package org.keepalivelab.ui.timeline;

import java.util.List;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.Probe;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.SegmentRow;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.model.store.MappedBlocks;

/**
 * One connection on the timeline: per side, the segments it sent, its kernel states and what its
 * application saw; and the user's actions on the connection. All of it off the heap, in the view
 * model's store.
 */
public final class ConnectionLane {
    private final int conn;
    private final SegmentRow clientSent;
    private final SegmentRow serverSent;
    private final StateRow clientStates;
    private final StateRow serverStates;
    private final AppRow clientApp;
    private final AppRow serverApp;
    private final StoredEvents<ActionEvent> actions;

    /** A lane whose segments are in rows already; its other events go into {@code store}. */
    ConnectionLane(int conn, SegmentRow clientSent, SegmentRow serverSent, Timeline timeline, MappedBlocks store) {
        this.conn = conn;
        this.clientSent = clientSent;
        this.serverSent = serverSent;
        this.clientStates = new StateRow(store);
        this.serverStates = new StateRow(store);
        this.clientApp = new AppRow(timeline, store);
        this.serverApp = new AppRow(timeline, store);
        this.actions = new StoredEvents<>(timeline, store, ActionEvent.class);
    }

    public int conn() {
        return conn;
    }

    /** Takes in {@code state}, the timeline's event {@code index}; likewise below. */
    void add(StateEvent state, int index) {
        states(state.side()).add(state, index);
    }

    void add(AppEvent app, int index) {
        app(app.side()).add(app, index);
    }

    void add(ActionEvent action, int index) {
        actions.add(action, index);
    }

    /** The segments {@code side} sent. */
    public SegmentRow segments(Side side) {
        return side == Side.CLIENT ? clientSent : serverSent;
    }

    public StateRow states(Side side) {
        return side == Side.CLIENT ? clientStates : serverStates;
    }

    public AppRow app(Side side) {
        return side == Side.CLIENT ? clientApp : serverApp;
    }

    /** The user's actions on the connection, in time order; rebuilt from the timeline as read. */
    public List<ActionEvent> actions() {
        return actions;
    }

    /** How many events the lane holds: it changes whenever any of them does, for a reader that redoes its work then. */
    public int eventCount() {
        int n = actions.size();
        for (var side : LaneLayout.SIDES) {
            n += segments(side).size() + states(side).size() + app(side).size();
        }
        return n;
    }

    /** Every keep-alive probe {@code side} sent, with its answer. */
    public List<Probe> probes(Side side) {
        return segments(side).probes();
    }

    /** How many segments of {@code kind} {@code side} sent. */
    public int count(Side side, SegmentKind kind) {
        var row = segments(side);
        int n = 0;
        for (int i = 0; i < row.size(); i++) {
            if (row.kind(i) == kind) {
                n++;
            }
        }
        return n;
    }
}
