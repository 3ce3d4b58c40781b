package org.keepalivelab.lab;

import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.LabClock;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;

/** Stamps what the lab does and sees with the lab's clock, and appends it to the timeline. */
final class Journal {
    private final Timeline timeline;
    private final LabClock clock;

    Journal(Timeline timeline, LabClock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    long now() {
        return clock.now();
    }

    void action(int conn, Action action) {
        action(now(), conn, action);
    }

    /** An action that began at lab time {@code t}. */
    void action(long t, int conn, Action action) {
        timeline.append(new ActionEvent(t, conn, action));
    }

    void app(int conn, Side side, AppEventType event, int bytes, String message) {
        timeline.append(new AppEvent(now(), conn, side, event, bytes, message));
    }

    void app(int conn, Side side, AppEventType event) {
        app(conn, side, event, 0, null);
    }

    void inferredKeepalive(int conn, Direction dir) {
        timeline.append(SegmentEvent.inferredKeepalive(now(), conn, dir));
    }

    void state(int conn, Side side, TcpState state, int probes, boolean orphan) {
        timeline.append(new StateEvent(now(), conn, side, state, probes, orphan));
    }
}
