package org.keepalivelab.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the user or a script does to the lab: open connections, or act on one ({@link OnConnection}),
 * some of which break a peer ({@link Fault}). Each knows how the event log and a script write it
 * ({@link #verb()} and {@link #args()}) and how the timeline words it ({@link #words()}).
 *
 * <p>Close, kill and abort act on either side ({@code kill server}); a plain verb means the client, so
 * the event log and the scripts keep their words for what a run did before sides existed.
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

    /** The application at {@code side} closes gracefully: FIN, read to EOF, close. */
    record Close(Side side) implements Fault {
        /** The client closes. */
        public Close() {
            this(Side.CLIENT);
        }
    }

    /** The process at {@code side} dies: its kernel closes the socket. */
    record Kill(Side side) implements Fault {
        /** The client is killed. */
        public Kill() {
            this(Side.CLIENT);
        }
    }

    /** The application at {@code side} closes with {@code SO_LINGER} 0: RST. */
    record Abort(Side side) implements Fault {
        /** The client aborts. */
        public Abort() {
            this(Side.CLIENT);
        }
    }

    /** The client shuts its output down (FIN) and keeps its socket: FIN_WAIT2 with no orphan timer. */
    record HalfClose() implements Fault {
    }

    /**
     * A middlebox between the two ends (NAT, load balancer, conntrack) will forget the connection once
     * no segment has crossed it for {@code seconds}: arms it. What it forgets is a {@link Forget}.
     */
    record SeverIdle(int seconds, IdleMode mode) implements OnConnection {
        public SeverIdle {
            Objects.requireNonNull(mode);
        }
    }

    /**
     * The middlebox a {@link SeverIdle} armed forgot the connection: later segments are dropped or
     * answered with RST, as {@code mode} says. Recorded by the lab when it happens, never scripted.
     *
     * @param cut the directions the middlebox stops: both, unless an application had let go of its
     *            socket before, as the lab then has nothing to filter what arrives at that end with
     */
    record Forget(IdleMode mode, Set<Direction> cut) implements Fault {
        public Forget {
            Objects.requireNonNull(mode);
            cut = Collections.unmodifiableSet(cut.isEmpty() ? EnumSet.noneOf(Direction.class) : EnumSet.copyOf(cut));
        }

        /** A middlebox that forgot both directions. */
        public Forget(IdleMode mode) {
            this(mode, EnumSet.allOf(Direction.class));
        }

        /** True when it stops both directions, as a middlebox does. */
        public boolean whole() {
            return cut.size() == Direction.values().length;
        }

        /** The directions it cut, as a script writes them: {@code "c2s"}, or {@code "none"}; empty for both. */
        private String cutArg() {
            return whole() ? "" : cut.isEmpty() ? "none" : cut.iterator().next().label();
        }
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
            case HalfClose _ -> "half-close";
            case SeverIdle _ -> "sever-idle";
            case Forget _ -> "forget";
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
            case Close c -> sideArg(c.side());
            case Kill k -> sideArg(k.side());
            case Abort a -> sideArg(a.side());
            case SeverIdle i -> i.seconds() + " " + i.mode().label();
            case Forget f -> f.whole() ? f.mode().label() : f.mode().label() + " " + f.cutArg();
            case Restore _, HalfClose _ -> "";
        };
    }

    /** A side as a fault's argument: nothing for the client, which a plain verb means. */
    private static String sideArg(Side side) {
        return side == Side.CLIENT ? "" : side.label();
    }

    /**
     * The side whose application acts, or empty where none does: a connect, and what happens between
     * the two ends (a sever, a restore, a middlebox forgetting).
     */
    default Optional<Side> actingSide() {
        return switch (this) {
            case Send _, HalfClose _ -> Optional.of(Side.CLIENT);
            case Reply _ -> Optional.of(Side.SERVER);
            case Close c -> Optional.of(c.side());
            case Kill k -> Optional.of(k.side());
            case Abort a -> Optional.of(a.side());
            case Connect _, Restore _, Sever _, SeverIdle _, Forget _ -> Optional.empty();
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
            case Close c -> c.side() == Side.CLIENT ? "close gracefully" : "server closes gracefully";
            case Kill k -> "kill " + k.side().label();
            case Abort a -> a.side() == Side.CLIENT ? "abort (RST)" : "server aborts (RST)";
            case HalfClose _ -> "half-close (FIN, keeps socket)";
            case SeverIdle i -> "middlebox forgets after " + i.seconds() + " s idle (" + i.mode().label() + ")";
            case Forget f -> (f.mode() == IdleMode.DROP ? "middlebox forgot: drops" : "middlebox forgot: resets")
                    + (f.whole() ? "" : f.cut().isEmpty() ? " (nothing it could cut)" : " (" + f.cutArg() + " only)");
            case Connect _, Restore _, Sever _ -> scriptText();
        };
    }
}
