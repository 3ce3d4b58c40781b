package org.keepalivelab.ui.timeline;

import org.keepalivelab.explain.Detection;
import org.keepalivelab.model.Side;

/**
 * Something on the timeline under the mouse: a mark, a state band, an application event, an action or
 * a detection's bracket.
 */
public sealed interface Hit {
    int conn();

    /** A segment: index {@code index} of the row of segments {@code side} sent. */
    record Segment(int conn, Side side, int index) implements Hit {
    }

    /** A kernel state band: index {@code index} of {@code side}'s state row. */
    record State(int conn, Side side, int index) implements Hit {
    }

    /** An application event: index {@code index} of {@code side}'s application row. */
    record App(int conn, Side side, int index) implements Hit {
    }

    /** A user action on the connection. */
    record Action(int conn, int index) implements Hit {
    }

    /** The bracket of {@code detection}, on its side's application row. */
    record Bracket(int conn, Detection detection) implements Hit {
    }

    /** The lane, away from any mark. */
    record Lane(int conn) implements Hit {
    }
}
