package org.keepalivelab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.Side;

/**
 * One timed action of a headless script, written {@code TIME:ACTION[@CONN]}: {@code 0s:connect},
 * {@code 0s:connect 200}, {@code 0s:connect server-keepalive=12,3,3 label=every-12s}, {@code 0.2s:send 5},
 * {@code 1s:kill@all}, {@code 1s:kill server}, {@code 1s:half-close}, {@code 2s:sever c2s@2},
 * {@code 2s:sever-idle 8 reset}, {@code 3s:restore@2}. Without {@code @CONN} an action applies to
 * connection 1; {@code @all} applies it to every connection at once.
 *
 * @param at      when, after the lab started
 * @param action  what it does
 * @param conn    the connection acted on, or {@link #ALL}; 1 for a connect, which opens new ones
 * @param options a connect's settings of its own and label; {@link ConnectOptions#NONE} for any other step
 */
public record ScriptStep(Duration at, Action action, int conn, ConnectOptions options) {
    /** The form of a step, for error messages. */
    public static final String FORM = "TIME:ACTION[@CONN|@all], e.g. 0.2s:send 5, 1s:kill, 1s:kill server, "
            + "2s:sever c2s@2, 3s:kill@all";
    /** Every action's form, for error messages and the command's help. */
    public static final String ACTIONS = "connect [N] [KEY=VALUE…], send N, reply N, close [client|server], "
            + "kill [client|server], abort [client|server], half-close, sever [both|c2s|s2c], "
            + "sever-idle SECONDS [drop|reset], restore";
    /**
     * What one send or reply may write: the lab holds the bytes until the socket takes them, and a
     * write far beyond any socket buffer (a few MiB) shows nothing more on the wire.
     */
    public static final Range BYTES = new Range("a send's or reply's byte count", 1, 16 * 1024 * 1024, "");
    /** {@code @all}: every connection the lab has when the step runs. */
    public static final int ALL = -1;

    private static final Pattern STEP = Pattern.compile("([^:]+):(.*?)\\s*(?:@(\\d{1,9}|all))?");
    private static final Pattern VERB = Pattern.compile("[a-z][a-z-]*");

    public ScriptStep {
        if (at.isNegative()) {
            throw new IllegalArgumentException("a step's time must not be negative: " + at);
        }
        if (!options.isEmpty() && !(action instanceof Action.Connect)) {
            throw new IllegalArgumentException("only a connect step takes settings and a label");
        }
    }

    /** A step without a connect's options. */
    public ScriptStep(Duration at, Action action, int conn) {
        this(at, action, conn, ConnectOptions.NONE);
    }

    /** Parses {@code TIME:ACTION[@CONN]}, refusing what the lab could not do with one clear sentence. */
    public static ScriptStep parse(String text) {
        var m = STEP.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a step: write " + FORM);
        }
        var at = Durations.parse(m.group(1));
        List<String> words;
        try {
            words = words(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
        if (words.isEmpty() || !VERB.matcher(words.getFirst()).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a step: write " + FORM);
        }
        String verb = words.getFirst();
        var args = words.subList(1, words.size());
        String target = m.group(3);
        int conn = target == null ? 1 : target.equals("all") ? ALL : Integer.parseInt(target);
        if (conn != ALL && conn < 1) {
            throw new IllegalArgumentException("'" + text + "': connections are numbered from 1");
        }
        try {
            if (verb.equals("connect")) {
                if (target != null) {
                    throw new IllegalArgumentException("connect opens new connections, it takes no @CONN");
                }
                return connect(at, args);
            }
            return new ScriptStep(at, action(verb, args), conn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    /** A connect step: a client count, then the connections' own settings and label. */
    private static ScriptStep connect(Duration at, List<String> args) {
        var clients = OptionalInt.empty();
        var rest = args;
        if (!args.isEmpty() && args.getFirst().matches("\\d+")) {
            String count = args.getFirst();
            if (count.length() > 4 || !Lab.CLIENTS_PER_CONNECT.contains(Integer.parseInt(count))) {
                throw new IllegalArgumentException("connect takes a client count, " + Lab.CLIENTS_PER_CONNECT);
            }
            clients = OptionalInt.of(Integer.parseInt(count));
            rest = args.subList(1, args.size());
        }
        return new ScriptStep(at, new Action.Connect(clients), 1, ConnectOptions.parse(rest));
    }

    /**
     * An action as the event log writes it ({@link Action#verb()}, {@link Action#args()}), read back
     * by the words a script's step is read with; also a middlebox's {@code forget}, which the lab
     * journals and no script makes.
     *
     * @throws IllegalArgumentException in the words a script's step is refused with
     */
    public static Action journaled(String verb, String args) {
        var words = words(args);
        return switch (verb) {
            case "connect" -> connect(Duration.ZERO, words).action();
            case "forget" -> forget(words);
            default -> action(verb, words);
        };
    }

    private static Action action(String verb, List<String> args) {
        return switch (verb) {
            case "send" -> new Action.Send(byteCount(verb, args));
            case "reply" -> new Action.Reply(byteCount(verb, args));
            case "close" -> new Action.Close(side(verb, args));
            case "kill" -> new Action.Kill(side(verb, args));
            case "abort" -> new Action.Abort(side(verb, args));
            case "half-close" -> withoutArgument(args, new Action.HalfClose(),
                    "half-close takes no argument: it is the client's");
            case "sever" -> {
                if (args.size() > 1) {
                    throw new IllegalArgumentException("sever takes both, c2s or s2c");
                }
                yield Sever.parse(args.isEmpty() ? "both" : args.getFirst()).action();
            }
            case "sever-idle" -> severIdle(args);
            case "restore" -> withoutArgument(args, new Action.Restore(), "restore takes no argument");
            default -> throw new IllegalArgumentException("unknown action '" + verb + "'; actions are " + ACTIONS);
        };
    }

    private static int byteCount(String verb, List<String> args) {
        if (args.size() != 1 || !args.getFirst().matches("\\d{1,9}") || !BYTES.contains(Integer.parseInt(args.getFirst()))) {
            throw new IllegalArgumentException(verb + " takes a byte count, " + BYTES);
        }
        return Integer.parseInt(args.getFirst());
    }

    /** The side a close, kill or abort acts on: the client unless it names the server. */
    private static Side side(String verb, List<String> args) {
        if (args.isEmpty()) {
            return Side.CLIENT;
        }
        for (var side : Side.values()) {
            if (args.size() == 1 && side.label().equals(args.getFirst())) {
                return side;
            }
        }
        throw new IllegalArgumentException(verb + " takes client or server (default client), not '"
                + String.join(" ", args) + "'");
    }

    private static Action severIdle(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new IllegalArgumentException("sever-idle takes SECONDS [drop|reset], e.g. sever-idle 8 reset");
        }
        int seconds = Middlebox.IDLE_SECONDS.parse(args.getFirst());
        return new Action.SeverIdle(seconds, args.size() == 2 ? idleMode("sever-idle", args.get(1)) : IdleMode.DROP);
    }

    /** A middlebox that forgot: {@code forget MODE [c2s|s2c|none]}, as {@link Action.Forget#args()} writes it. */
    private static Action forget(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new IllegalArgumentException("forget takes drop|reset and, where it cut one direction or none, "
                    + "c2s, s2c or none");
        }
        var mode = idleMode("forget", args.getFirst());
        if (args.size() == 1) {
            return new Action.Forget(mode);
        }
        var cut = args.get(1).equals("none") ? EnumSet.noneOf(Direction.class) : Sever.parse(args.get(1)).directions();
        return new Action.Forget(mode, cut);
    }

    private static IdleMode idleMode(String verb, String word) {
        for (var mode : IdleMode.values()) {
            if (mode.label().equals(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(verb + "'s middlebox drops or resets (drop|reset), not '" + word + "'");
    }

    private static Action withoutArgument(List<String> args, Action action, String refusal) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(refusal);
        }
        return action;
    }

    /** The words of an action, split at spaces outside double quotes, the quotes taken off. */
    private static List<String> words(String text) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a double quote is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** This step, now opening {@code clients} clients if it is a connect that gives no count. */
    ScriptStep withClientsPerConnect(int clients) {
        return action instanceof Action.Connect(var given) && given.isEmpty() && clients > 1
                ? new ScriptStep(at, new Action.Connect(OptionalInt.of(clients)), conn, options) : this;
    }

    /** Runs this step on the lab; completes when the lab has carried it out. */
    public CompletableFuture<?> runOn(Lab lab) {
        return switch (action) {
            case Action.Connect connect -> {
                var settings = options.settings().applyTo(lab.settings());
                yield all(connect.clients().orElse(1), i -> lab.connect(settings, options.label()));
            }
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

    /** As a script writes it, which {@link #parse} reads back into this step. */
    @Override
    public String toString() {
        String target = conn == 1 || action instanceof Action.Connect ? "" : conn == ALL ? "@all" : "@" + conn;
        String extra = options.isEmpty() ? "" : " " + options;
        return Durations.format(at) + ":" + action.scriptText() + extra + target;
    }
}
