package org.keepalivelab.model;

import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An {@link Action} as the timeline stores it, in its columns rather than as an object kept on the
 * heap: which action (a number below 16), its side, a number (bytes, seconds, clients, the directions a
 * forgetting middlebox cut) and a detail (a middlebox's mode, a sever's directions). Every action is stored exactly, however many different
 * ones a run makes ({@code send} with a thousand sizes). A new action makes every switch here but
 * {@link #decode} fail to compile until it has its code (and {@code ActionCodeTest} round-trips it).
 */
final class ActionCode {
    private static final int CONNECT = 0;
    private static final int SEND = 1;
    private static final int REPLY = 2;
    private static final int RESTORE = 3;
    private static final int CLOSE = 4;
    private static final int KILL = 5;
    private static final int ABORT = 6;
    private static final int HALF_CLOSE = 7;
    private static final int SEVER_IDLE = 8;
    private static final int FORGET = 9;
    private static final int SEVER = 10;
    /** A connect's number when it gives no count. */
    private static final int NO_COUNT = -1;
    private static final IdleMode[] MODES = IdleMode.values();
    private static final Direction[] DIRECTIONS = Direction.values();

    private ActionCode() {
    }

    static int kind(Action action) {
        return switch (action) {
            case Action.Connect _ -> CONNECT;
            case Action.Send _ -> SEND;
            case Action.Reply _ -> REPLY;
            case Action.Restore _ -> RESTORE;
            case Action.Close _ -> CLOSE;
            case Action.Kill _ -> KILL;
            case Action.Abort _ -> ABORT;
            case Action.HalfClose _ -> HALF_CLOSE;
            case Action.SeverIdle _ -> SEVER_IDLE;
            case Action.Forget _ -> FORGET;
            case Action.Sever _ -> SEVER;
        };
    }

    /** The side a close, kill or abort acts on; the client for the rest. */
    static Side side(Action action) {
        return switch (action) {
            case Action.Close c -> c.side();
            case Action.Kill k -> k.side();
            case Action.Abort a -> a.side();
            case Action.Connect _, Action.Send _, Action.Reply _, Action.Restore _, Action.HalfClose _,
                 Action.SeverIdle _, Action.Forget _, Action.Sever _ -> Side.CLIENT;
        };
    }

    static int number(Action action) {
        return switch (action) {
            case Action.Connect c -> c.clients().orElse(NO_COUNT);
            case Action.Send s -> s.bytes();
            case Action.Reply r -> r.bytes();
            case Action.SeverIdle i -> i.seconds();
            case Action.Forget f -> bits(f.cut());
            case Action.Restore _, Action.Close _, Action.Kill _, Action.Abort _, Action.HalfClose _,
                 Action.Sever _ -> 0;
        };
    }

    /** A middlebox's mode, or a sever's directions as bits by {@link Direction}'s order. */
    static int detail(Action action) {
        return switch (action) {
            case Action.SeverIdle i -> i.mode().ordinal();
            case Action.Forget f -> f.mode().ordinal();
            case Action.Sever s -> bits(s.directions());
            case Action.Connect _, Action.Send _, Action.Reply _, Action.Restore _, Action.Close _,
                 Action.Kill _, Action.Abort _, Action.HalfClose _ -> 0;
        };
    }

    static Action decode(int kind, Side side, int number, int detail) {
        return switch (kind) {
            case CONNECT -> new Action.Connect(number == NO_COUNT ? OptionalInt.empty() : OptionalInt.of(number));
            case SEND -> new Action.Send(number);
            case REPLY -> new Action.Reply(number);
            case RESTORE -> new Action.Restore();
            case CLOSE -> new Action.Close(side);
            case KILL -> new Action.Kill(side);
            case ABORT -> new Action.Abort(side);
            case HALF_CLOSE -> new Action.HalfClose();
            case SEVER_IDLE -> new Action.SeverIdle(number, MODES[detail]);
            case FORGET -> new Action.Forget(MODES[detail], directions(number));
            case SEVER -> new Action.Sever(directions(detail));
            default -> throw new IllegalArgumentException("no action has code " + kind);
        };
    }

    /** Directions as bits by {@link Direction}'s order. */
    private static int bits(Set<Direction> directions) {
        return directions.stream().mapToInt(d -> 1 << d.ordinal()).sum();
    }

    private static EnumSet<Direction> directions(int bits) {
        var set = EnumSet.noneOf(Direction.class);
        for (var d : DIRECTIONS) {
            if ((bits & 1 << d.ordinal()) != 0) {
                set.add(d);
            }
        }
        return set;
    }
}
