package org.keepalivelab.lab;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * One timed action of a headless script, written {@code TIME:ACTION[@CONN]}: {@code 0s:connect},
 * {@code 0.2s:send 5}, {@code 1s:kill}, {@code 2s:sever c2s@2}, {@code 3s:restore@2}. Without
 * {@code @CONN} an action applies to connection 1.
 *
 * @param at   when, after the lab started
 * @param verb {@code connect}, {@code send}, {@code reply}, {@code close}, {@code kill}, {@code abort},
 *             {@code sever} or {@code restore}
 * @param arg  the verb's argument: a byte count for send and reply, a direction for sever, else empty
 */
public record ScriptStep(Duration at, String verb, String arg, int conn) {
    /** The form of a step, for error messages. */
    public static final String FORM = "TIME:ACTION[@CONN], e.g. 0.2s:send 5, 1s:kill, 2s:sever c2s@2";

    private static final Pattern STEP = Pattern.compile("([^:]+):\\s*([a-z]+)(?:\\s+([a-z0-9]+))?\\s*(?:@(\\d+))?");

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
        int conn = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        switch (verb) {
            case "send", "reply" -> {
                if (!arg.matches("\\d{1,9}") || Integer.parseInt(arg) < 1) {
                    throw new IllegalArgumentException("'" + text + "': " + verb + " takes a byte count of 1 or more");
                }
            }
            case "sever" -> arg = Sever.parse(arg.isEmpty() ? "both" : arg).toString();
            case "connect", "close", "kill", "abort", "restore" -> {
                if (!arg.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "': " + verb + " takes no argument");
                }
            }
            default -> throw new IllegalArgumentException("'" + text + "': unknown action '" + verb
                    + "'; actions are connect, send N, reply N, close, kill, abort, sever [both|c2s|s2c], restore");
        }
        if (conn < 1) {
            throw new IllegalArgumentException("'" + text + "': connections are numbered from 1");
        }
        return new ScriptStep(at, verb, arg, conn);
    }

    /** Runs this step on the lab; completes when the lab has carried it out. */
    public CompletableFuture<?> runOn(Lab lab) {
        return switch (verb) {
            case "connect" -> lab.connect();
            case "send" -> lab.send(conn, Integer.parseInt(arg));
            case "reply" -> lab.reply(conn, Integer.parseInt(arg));
            case "close" -> lab.close(conn);
            case "kill" -> lab.kill(conn);
            case "abort" -> lab.abort(conn);
            case "sever" -> lab.sever(conn, Sever.parse(arg));
            case "restore" -> lab.restore(conn);
            default -> throw new AssertionError(verb);
        };
    }

    @Override
    public String toString() {
        return Durations.format(at) + ":" + verb + (arg.isEmpty() ? "" : " " + arg) + (conn == 1 ? "" : "@" + conn);
    }
}
