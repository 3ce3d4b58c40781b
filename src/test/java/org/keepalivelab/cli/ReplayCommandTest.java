package org.keepalivelab.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ReplayCommand;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.SettingsChange;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;
import picocli.CommandLine;

/**
 * Copy as command line: the command a connection's replay runs, read back by a real shell and by the
 * command itself, gives that connection's settings and steps.
 */
class ReplayCommandTest {
    private static final long S = 1_000_000_000L;
    private static final LabSettings SETTINGS = LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE)
            .withServer(new SocketSettings(KeepaliveSettings.of(12, 3, 3), 4000)).withOrphanLifetime(3)
            .withServerOrphanLifetime(4);

    @Test
    void theReplayOfAnEndedConnectionParsesBackIntoItsSettingsAndSteps() throws Exception {
        var timeline = new Timeline();
        timeline.append(new ActionEvent(1 * S, 1, new Action.Connect()));
        timeline.append(new ActionEvent(5 * S, 2, new Action.Connect()));
        timeline.append(new ActionEvent(5 * S + 200_400_000L, 2, new Action.Send(5)));
        timeline.append(new ActionEvent(6 * S, 1, new Action.Kill()));
        timeline.append(new ActionEvent(6 * S, 2, new Action.SeverIdle(8, IdleMode.RESET)));
        timeline.append(new ActionEvent(15 * S, 2, new Action.Forget(IdleMode.RESET)));
        timeline.append(new ActionEvent(20 * S, 2, new Action.Kill(Side.SERVER)));
        timeline.append(new AppEvent(21 * S, 2, Side.CLIENT, AppEventType.EOF, 0, null));
        timeline.append(new AppEvent(200 * S, 2, Side.SERVER, AppEventType.CLOSED, 0, null));
        var status = status(2, "its 12 s", true, 200 * S);

        var args = ReplayCommand.arguments(status, timeline);
        var command = parse(ReplayCommand.commandLine(args));

        assertAll(
                () -> assertEquals(SETTINGS, command.settings(LabSettings.seed(), SettingsChange.NONE)),
                () -> assertEquals("[0s:connect label=\"its 12 s\", 0.2s:send 5, 1s:sever-idle 8 reset, 15s:kill server]",
                        command.steps.toString(), "timed from the connect, the middlebox's forget its own doing"),
                () -> assertNull(command.until, "until closed"),
                () -> assertEquals(Duration.ofSeconds(225), command.timeout, "room for the 195 s it took, and slack"));
    }

    @Test
    void theReplayOfAConnectionStillOpenRunsAsLongAsItWasWatched() throws Exception {
        var timeline = new Timeline();
        timeline.append(new ActionEvent(2 * S, 1, new Action.Connect()));
        timeline.append(new ActionEvent(3 * S, 1, new Action.HalfClose()));
        var status = new ConnectionStatus(1, 40000, LabSettings.seed(), "", Holding.OUTPUT_SHUT, Holding.OPEN, false,
                side(12 * S + 300_000_000L), side(12 * S), Set.of());

        var args = ReplayCommand.arguments(status, timeline);
        var command = parse(ReplayCommand.commandLine(args));

        assertAll(
                () -> assertEquals(List.of("--headless", "--at", "0s:connect", "--at", "1s:half-close", "--until", "11s"), args),
                () -> assertEquals("./keepalive-lab --headless --at 0s:connect --at 1s:half-close --until 11s",
                        ReplayCommand.commandLine(args)),
                () -> assertEquals(LabSettings.seed(), command.settings(LabSettings.seed(), SettingsChange.NONE)),
                () -> assertEquals(Duration.ofSeconds(11), command.until));
    }

    /** What the command {@code text} runs as: split into words by a real shell, then parsed by the command. */
    private static LabCommand parse(String text) throws Exception {
        var shell = new ProcessBuilder("sh", "-c", "set -- " + text.substring(ReplayCommand.PROGRAM.length())
                + "; printf '%s\\000' \"$@\"").redirectErrorStream(true).start();
        String words = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        shell.waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, shell.exitValue(), words);
        var command = new LabCommand();
        new CommandLine(command).parseArgs(words.split("\0"));
        return command;
    }

    private static ConnectionStatus status(int conn, String label, boolean serverEnded, long sampledAt) {
        return new ConnectionStatus(conn, 40000, SETTINGS, label, Holding.OPEN, Holding.GONE, serverEnded,
                side(sampledAt), side(sampledAt), Set.of());
    }

    private static SideStatus side(long sampledAt) {
        return new SideStatus(TcpState.ESTABLISHED, 0, false, KernelTimer.NONE, 0, sampledAt);
    }
}
