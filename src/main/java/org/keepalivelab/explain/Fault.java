package org.keepalivelab.explain;

import java.util.List;
import java.util.Optional;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.Side;

/**
 * The first fault of a connection: what broke it, on which side, and when it took effect.
 *
 * @param action what broke it; a sever-idle's is the {@link Action.Forget} recorded when it fired
 * @param side   the side it hit ({@link Action#actingSide()}); empty for what happens between the ends
 *               (a sever, a middlebox)
 * @param t      when, in the lab's nanoseconds
 */
public record Fault(Action.Fault action, Optional<Side> side, long t) {

    /** The connection's first kill, abort, close, half-close, sever or forget, if it had one. */
    public static Optional<Fault> first(List<Event> events) {
        for (var event : events) {
            if (event instanceof ActionEvent a && a.action() instanceof Action.Fault fault) {
                return Optional.of(new Fault(fault, fault.actingSide(), a.t()));
            }
        }
        return Optional.empty();
    }

    /** Its name in the event log's detection records: {@code kill}, {@code sever}, {@code sever-idle}. */
    public String name() {
        return action instanceof Action.Forget ? "sever-idle" : action.verb();
    }

    /**
     * The sides that outlive it, each of which has something to learn: the peer of the side it hit, or
     * both ends when it hit the path between them (each one's peer vanished from its view).
     */
    public List<Side> survivors() {
        return side.map(hit -> List.of(hit.peer())).orElse(List.of(Side.SERVER, Side.CLIENT));
    }
}
