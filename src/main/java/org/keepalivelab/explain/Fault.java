package org.keepalivelab.explain;

import java.util.Optional;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Side;

/**
 * The first fault of a connection: what broke it, on which side, and when it took effect.
 *
 * @param action what broke it; a sever-idle's is the {@link Action.Forget} recorded when it fired
 * @param side   the side it hit; empty for what happens between the ends (a sever, a middlebox)
 * @param t      when, in the lab's nanoseconds
 */
public record Fault(Action.Fault action, Optional<Side> side, long t) {

    /** Its name in the event log's detection records: {@code kill}, {@code sever}, {@code sever-idle}. */
    public String name() {
        return action instanceof Action.Forget ? "sever-idle" : action.verb();
    }
}
