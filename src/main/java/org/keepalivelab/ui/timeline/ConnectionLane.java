package org.keepalivelab.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.Probe;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.SegmentRow;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;

/**
 * One connection on the timeline: per side, the segments it sent, its kernel states and what its
 * application saw; and the user's actions on the connection.
 */
public final class ConnectionLane {
    private final int conn;
    private final SegmentRow clientSent;
    private final SegmentRow serverSent;
    private final StateRow clientStates = new StateRow();
    private final StateRow serverStates = new StateRow();
    private final AppRow clientApp = new AppRow();
    private final AppRow serverApp = new AppRow();
    private final List<ActionEvent> actions = new ArrayList<>();

    ConnectionLane(int conn, SegmentRow clientSent, SegmentRow serverSent) {
        this.conn = conn;
        this.clientSent = clientSent;
        this.serverSent = serverSent;
    }

    public int conn() {
        return conn;
    }

    void add(StateEvent state) {
        states(state.side()).add(state);
    }

    void add(AppEvent app) {
        app(app.side()).add(app);
    }

    void add(ActionEvent action) {
        int at = actions.size();
        while (at > 0 && actions.get(at - 1).t() > action.t()) {
            at--;
        }
        actions.add(at, action);
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
