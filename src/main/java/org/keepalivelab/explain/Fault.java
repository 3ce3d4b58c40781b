package org.keepalivelab.explain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.Side;

/**
 * The first fault of a connection: what broke it, on which side, and when it took effect.
 *
 * @param action what broke it, in a run; a sever-idle's is the {@link Action.Forget} recorded when it
 *               fired; empty for a fault a capture shows ({@link CaptureFault})
 * @param seen   how the lab knows: {@link Seen#ACTION} in a run (its own journal), else what the
 *               capture's segments show
 * @param side   the side it hit ({@link Action#actingSide()}, or the sender of the FIN or RST a capture
 *               shows); empty for what happens between the ends (a sever, a middlebox, a silence)
 * @param t      when, in the lab's nanoseconds (a capture's: from its first packet)
 */
public record Fault(Optional<Action.Fault> action, Seen seen, Optional<Side> side, long t) {

    /** How a fault is known. */
    public enum Seen {
        /** The lab's own action (or its middlebox's), journaled. */
        ACTION,
        /** A capture shows a FIN: a close, or a process that ended, which the wire cannot tell apart. */
        FIN,
        /** A capture shows a RST that no silence led up to: an abort, a close with data unread, or a lost socket. */
        RST,
        /** A capture shows probes nobody answered: the peer, or the path to it, went silent. */
        SILENCE
    }

    /** A fault the lab made (or its middlebox did), on {@code side}. */
    public Fault(Action.Fault action, Optional<Side> side, long t) {
        this(Optional.of(action), Seen.ACTION, side, t);
    }

    /** The connection's first kill, abort, close, half-close, sever or forget, if it had one. */
    public static Optional<Fault> first(List<Event> events) {
        for (var event : events) {
            if (event instanceof ActionEvent a && a.action() instanceof Action.Fault fault) {
                return Optional.of(new Fault(fault, fault.actingSide(), a.t()));
            }
        }
        return Optional.empty();
    }

    /**
     * Its name in the event log's detection records: {@code kill}, {@code sever}, {@code sever-idle}; for a
     * capture {@code fin}, {@code rst} or {@code silence}.
     */
    public String name() {
        return action.map(a -> a instanceof Action.Forget ? "sever-idle" : a.verb())
                .orElse(seen.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The sides that outlive it, each of which has something to learn: the peer of the side it hit, or
     * both ends when it hit the path between them (each one's peer vanished from its view).
     */
    public List<Side> survivors() {
        return side.map(hit -> List.of(hit.peer())).orElse(List.of(Side.SERVER, Side.CLIENT));
    }
}
