package org.keepalivelab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.Timeline;

/**
 * The headless command that replays one connection of a lab: its settings as options (those that differ
 * from the command line's defaults), its connect and actions as {@code --at} steps, timed from its
 * connect (which the replay makes at 0 s, so a connection opened late in a long session replays at
 * once), and when to stop: {@code --until closed} when its server saw the end, else as long as it has
 * been watched. What the lab's middlebox did on its own (a forget) follows from the replayed sever-idle.
 */
public final class ReplayCommand {
    /** How the README runs the lab: from a checkout, through its launcher. */
    public static final String PROGRAM = "./keepalive-lab";
    /** The command line's default timeout, which a replay raises only when its run needs more. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    /** Room for a replay that ends a little later than the run did (a busy machine, timer slack). */
    private static final Duration TIMEOUT_SLACK = Duration.ofSeconds(30);
    /** What a shell takes as one word unquoted. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./,=:@%+-]+");

    private ReplayCommand() {
    }

    /**
     * The command's arguments, without the program: what {@code keepalive-lab} parses.
     *
     * @param status   the connection as last sampled
     * @param timeline the lab's events, where the connection's actions are
     */
    public static List<String> arguments(ConnectionStatus status, Timeline timeline) {
        long connectT = -1;
        long serverEndT = -1;
        long lastT = Math.max(status.client().sampledAt(), status.server().sampledAt());
        var actions = new ArrayList<ActionEvent>();
        for (int i = 0, n = timeline.size(); i < n; i++) {
            if (timeline.isSegment(i) || timeline.conn(i) != status.conn()) {
                continue; // skipped from the store's columns: no record made for the segments, the bulk of it
            }
            var event = timeline.get(i);
            if (event instanceof ActionEvent a) {
                if (a.action() instanceof Action.Connect) {
                    connectT = a.t();
                } else if (!(a.action() instanceof Action.Forget)) {
                    actions.add(a);
                }
            } else if (event instanceof AppEvent app && app.side() == Side.SERVER && serverEndT < 0 && ends(app.event())) {
                serverEndT = app.t();
            }
            lastT = Math.max(lastT, timeline.t(i));
        }
        var args = new ArrayList<>(List.of("--headless"));
        for (var value : SettingsChange.between(LabSettings.seed(), status.settings()).values()) {
            args.add("--" + value.setting().key());
            args.add(value.text());
        }
        var steps = new ArrayList<ScriptStep>();
        steps.add(new ScriptStep(Duration.ZERO, new Action.Connect(), 1, new ConnectOptions(SettingsChange.NONE, status.label())));
        for (var a : actions) {
            steps.add(new ScriptStep(since(connectT, a.t()), a.action(), 1));
        }
        for (var step : steps) {
            args.add("--at");
            args.add(step.toString());
        }
        Duration ran;
        if (status.serverEnded()) {
            args.addAll(List.of("--until", "closed"));
            ran = serverEndT < 0 ? Duration.ZERO : since(connectT, serverEndT).plus(TIMEOUT_SLACK);
        } else {
            ran = Duration.ofSeconds(Math.max(1, (long) Math.ceil((lastT - connectT) / 1e9)));
            args.addAll(List.of("--until", Durations.format(ran)));
        }
        if (ran.compareTo(DEFAULT_TIMEOUT) > 0) {
            args.addAll(List.of("--timeout", Durations.format(Duration.ofSeconds((long) Math.ceil(ran.toMillis() / 1000.0)))));
        }
        return args;
    }

    private static boolean ends(AppEventType event) {
        return event == AppEventType.EOF || event == AppEventType.ERROR || event == AppEventType.CLOSED;
    }

    /** From {@code fromT} to {@code t}, to the millisecond, as a step's time. */
    private static Duration since(long fromT, long t) {
        return Duration.ofMillis(Math.max(0, Math.round((t - fromT) / 1e6)));
    }

    /** The whole command for a POSIX shell: the program, then each argument quoted where the shell needs it. */
    public static String commandLine(List<String> arguments) {
        return PROGRAM + " " + arguments.stream().map(ReplayCommand::shellWord).collect(Collectors.joining(" "));
    }

    /** {@code word} as a shell reads it back: single-quoted unless plain, a single quote as {@code '\''}. */
    static String shellWord(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
