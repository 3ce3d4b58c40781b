package org.keepalivelab.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the user or a script does to the lab: open connections, or act on one ({@link OnConnection}),
 * some of which break a peer ({@link Fault}). Each knows how the event log and a script write it
 * ({@link #verb()} and {@link #args()}) and how the timeline words it ({@link #words()}).
 *
 * <p>Close, kill and abort act on the client. When they can act on either side ({@code kill server}),
 * each takes a {@link Side} component in which a plain verb means the client, so the event log and
 * the scripts keep their words for what exists now.
 */
public sealed interface Action {

    /**
     * Opens new connections: the only action that does not act on an existing one.
     *
     * @param clients how many; empty where a step gives no count, and in the journal, which records
     *                each connection's own connect
     */
    record Connect(OptionalInt clients) implements Action {
        /** A connect that gives no count: one client, or as many as a run's {@code --connections}. */
        public Connect() {
            this(OptionalInt.empty());
        }
    }

    /** An action on one connection of the lab. */
    sealed interface OnConnection extends Action {
    }

    /** An action that breaks a peer or the path between them: what a dead-peer detection detects. */
    sealed interface Fault extends OnConnection {
    }

    /** The client writes {@code bytes} bytes. */
    record Send(int bytes) implements OnConnection {
    }

    /** The server writes {@code bytes} bytes to the client. */
    record Reply(int bytes) implements OnConnection {
    }

    /** Segments cross the connection again after a {@link Sever}. */
    record Restore() implements OnConnection {
    }

    /** The client closes gracefully: FIN, read to EOF, close. */
    record Close() implements Fault {
    }

    /** The client process dies: its kernel closes the socket. */
    record Kill() implements Fault {
    }

    /** The client closes with {@code SO_LINGER} 0: RST. */
    record Abort() implements Fault {
    }

    /** Nothing crosses the connection in {@code directions} any more. */
    record Sever(Set<Direction> directions) implements Fault {
        public Sever {
            if (directions.isEmpty()) {
                throw new IllegalArgumentException("a sever cuts at least one direction");
            }
            // In the order of Direction, which is the order a sever checks and cuts them in.
            directions = Collections.unmodifiableSet(EnumSet.copyOf(directions));
        }
    }

    /** Its name in the event log and in a script: {@code "kill"}. */
    default String verb() {
        return switch (this) {
            case Connect _ -> "connect";
            case Send _ -> "send";
            case Reply _ -> "reply";
            case Restore _ -> "restore";
            case Close _ -> "close";
            case Kill _ -> "kill";
            case Abort _ -> "abort";
            case Sever _ -> "sever";
        };
    }

    /** Its arguments in a script's words ({@code "5"}, {@code "c2s"}), as the event log writes them; or empty. */
    default String args() {
        return switch (this) {
            case Connect c -> c.clients().isPresent() ? String.valueOf(c.clients().getAsInt()) : "";
            case Send s -> String.valueOf(s.bytes());
            case Reply r -> String.valueOf(r.bytes());
            case Sever s -> s.directions().size() == Direction.values().length ? "both"
                    : s.directions().iterator().next().label();
            case Restore _, Close _, Kill _, Abort _ -> "";
        };
    }

    /** As a script writes it: {@code "send 5"}, {@code "kill"}. */
    default String scriptText() {
        return args().isEmpty() ? verb() : verb() + " " + args();
    }

    /** How the timeline words it: {@code "kill client"}, {@code "sever both"}, {@code "send 5 B"}. */
    default String words() {
        return switch (this) {
            case Send _, Reply _ -> scriptText() + " B";
            case Close _ -> "close gracefully";
            case Kill _ -> "kill client";
            case Abort _ -> "abort (RST)";
            case Connect _, Restore _, Sever _ -> scriptText();
        };
    }
}
