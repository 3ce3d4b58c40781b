package org.keepalivelab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.keepalivelab.model.Action;

/**
 * One timed action of a headless script, written {@code TIME:ACTION[@CONN]}: {@code 0s:connect},
 * {@code 0s:connect 200}, {@code 0.2s:send 5}, {@code 1s:kill@all}, {@code 2s:sever c2s@2},
 * {@code 3s:restore@2}. Without {@code @CONN} an action applies to connection 1; {@code @all} applies
 * it to every connection at once.
 *
 * @param at     when, after the lab started
 * @param action what it does
 * @param conn   the connection acted on, or {@link #ALL}; 1 for a connect, which opens new ones
 */
public record ScriptStep(Duration at, Action action, int conn) {
    /** The form of a step, for error messages. */
    public static final String FORM = "TIME:ACTION[@CONN|@all], e.g. 0.2s:send 5, 1s:kill, 2s:sever c2s@2, 3s:kill@all";
    /**
     * What one send or reply may write: the lab holds the bytes until the socket takes them, and a
     * write far beyond any socket buffer (a few MiB) shows nothing more on the wire.
     */
    public static final Range BYTES = new Range("a send's or reply's byte count", 1, 16 * 1024 * 1024, "");
    /** {@code @all}: every connection the lab has when the step runs. */
    public static final int ALL = -1;

    private static final Pattern STEP = Pattern.compile("([^:]+):\\s*([a-z]+)(?:\\s+([a-z0-9]+))?\\s*(?:@(\\d{1,9}|all))?");

    public ScriptStep {
        if (at.isNegative()) {
            throw new IllegalArgumentException("a step's time must not be negative: " + at);
        }
    }

    /** Parses {@code TIME:ACTION[@CONN]}, refusing what the lab could not do with one clear sentence. */
    public static ScriptStep parse(String text) {
        var m = STEP.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a step: write " + FORM);
        }
        var at = Durations.parse(m.group(1));
        String verb = m.group(2);
        String arg = m.group(3) == null ? "" : m.group(3);
        int conn = m.group(4) == null ? 1 : m.group(4).equals("all") ? ALL : Integer.parseInt(m.group(4));
        Action action = switch (verb) {
            case "connect" -> {
                if (!arg.isEmpty() && !(arg.matches("\\d{1,4}") && Lab.CLIENTS_PER_CONNECT.contains(Integer.parseInt(arg)))) {
                    throw new IllegalArgumentException("'" + text + "': connect takes a client count, " + Lab.CLIENTS_PER_CONNECT);
                }
                if (m.group(4) != null) {
                    throw new IllegalArgumentException("'" + text + "': connect opens new connections, it takes no @CONN");
                }
                yield new Action.Connect(arg.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(arg)));
            }
            case "send" -> new Action.Send(byteCount(text, verb, arg));
            case "reply" -> new Action.Reply(byteCount(text, verb, arg));
            case "sever" -> Sever.parse(arg.isEmpty() ? "both" : arg).action();
            case "close" -> withoutArgument(text, arg, new Action.Close());
            case "kill" -> withoutArgument(text, arg, new Action.Kill());
            case "abort" -> withoutArgument(text, arg, new Action.Abort());
            case "restore" -> withoutArgument(text, arg, new Action.Restore());
            default -> throw new IllegalArgumentException("'" + text + "': unknown action '" + verb
                    + "'; actions are connect [N], send N, reply N, close, kill, abort, sever [both|c2s|s2c], restore");
        };
        if (conn != ALL && conn < 1) {
            throw new IllegalArgumentException("'" + text + "': connections are numbered from 1");
        }
        return new ScriptStep(at, action, conn);
    }

    private static int byteCount(String text, String verb, String arg) {
        if (!arg.matches("\\d{1,9}") || !BYTES.contains(Integer.parseInt(arg))) {
            throw new IllegalArgumentException("'" + text + "': " + verb + " takes a byte count, " + BYTES);
        }
        return Integer.parseInt(arg);
    }

    private static Action withoutArgument(String text, String arg, Action action) {
        if (!arg.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': " + action.verb() + " takes no argument");
        }
        return action;
    }

    /** This step, now opening {@code clients} clients if it is a connect that gives no count. */
    ScriptStep withClientsPerConnect(int clients) {
        return action instanceof Action.Connect(var given) && given.isEmpty() && clients > 1
                ? new ScriptStep(at, new Action.Connect(OptionalInt.of(clients)), conn) : this;
    }

    /** Runs this step on the lab; completes when the lab has carried it out. */
    public CompletableFuture<?> runOn(Lab lab) {
        return switch (action) {
            case Action.Connect connect -> all(connect.clients().orElse(1), i -> lab.connect());
            case Action.OnConnection onConnection -> conn == ALL
                    ? all(lab.connections().size(), i -> lab.act(i + 1, onConnection))
                    : lab.act(conn, onConnection);
        };
    }

    /** Submits {@code n} actions at once (the lab carries them out back to back) and waits for them all. */
    private static CompletableFuture<?> all(int n, IntFunction<CompletableFuture<?>> action) {
        var futures = new ArrayList<CompletableFuture<?>>(n);
        for (int i = 0; i < n; i++) {
            futures.add(action.apply(i));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    @Override
    public String toString() {
        String target = conn == 1 || action instanceof Action.Connect ? "" : conn == ALL ? "@all" : "@" + conn;
        return Durations.format(at) + ":" + action.scriptText() + target;
    }
}
