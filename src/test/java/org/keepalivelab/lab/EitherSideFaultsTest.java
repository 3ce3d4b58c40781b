package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.lab.LabRun.seedWith;
import static org.keepalivelab.lab.Transcript.seconds;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.linux.ProcNetTcp;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.InTimeOrder;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;

/**
 * The faults on the server's side, the client's half-close, and connections with settings of their own,
 * on the real kernel over loopback: what each sends, and what the other application sees.
 */
@Execution(ExecutionMode.CONCURRENT)
class EitherSideFaultsTest {

    @Test
    void aKilledServerSendsFinTheClientReadsEofAndTheServersOrphanLivesItsOwnLifetime() throws Exception {
        var run = LabRun.until(Duration.ofMillis(3500), seedWith(KeepaliveSettings.OFF).withServerOrphanLifetime(2),
                "0s:connect", "0.2s:send 5", "0.5s:kill server");

        long kill = run.action(1, "kill").t();
        var orphan = run.states(1, Side.SERVER).stream()
                .filter(s -> s.t() > kill && s.state() == TcpState.FIN_WAIT2 && s.orphan()).findFirst();
        var gone = run.states(1, Side.SERVER).stream().filter(s -> s.t() > kill && s.state() == TcpState.CLOSED).findFirst();
        assertAll(
                () -> assertEquals(List.of("s2c FIN", "c2s ACK"), run.segmentsAfter(1, "kill")),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.WRITE, AppEventType.EOF),
                        run.appTypes(1, Side.CLIENT), "the client reads EOF, and holds its socket"),
                () -> assertEquals(TcpState.CLOSE_WAIT, run.lastState(1, Side.CLIENT).state()),
                () -> assertTrue(orphan.isPresent(), "the server's orphan in FIN_WAIT2: " + run.states(1, Side.SERVER)),
                () -> assertEquals(2.0, seconds(kill, gone.map(StateEvent::t).orElseThrow()), 0.5,
                        "the server's TCP_LINGER2, not the kernel's 60 s"));
    }

    @Test
    void anAbortedServerSendsRstAndTheClientsReadFailsWithConnectionReset() throws Exception {
        var run = LabRun.until(Duration.ofMillis(1500), seedWith(KeepaliveSettings.OFF),
                "0s:connect", "0.2s:send 5", "0.5s:abort server");

        var error = run.app(1, Side.CLIENT).getLast();
        assertAll(
                () -> assertEquals(List.of("s2c RST"), run.segmentsAfter(1, "abort")),
                () -> assertEquals("RST,ACK", run.kinds(1, Direction.S2C, SegmentKind.RST).getFirst().flagNames()),
                () -> assertEquals(AppEventType.ERROR, error.event()),
                () -> assertEquals("Connection reset", error.message()),
                () -> assertEquals("aborted: SO_LINGER 0", run.app(1, Side.SERVER).getLast().message()));
    }

    @Test
    void aServerClosingGracefullySendsFinThenReadsToTheClientsEofAndCloses() throws Exception {
        // The read-once server stopped reading after "howdy": its close reads again, to EOF.
        var run = LabRun.untilClosed(seedWith(KeepaliveSettings.OFF),
                "0s:connect", "0.2s:send 5", "0.5s:close server", "1s:close");

        assertAll(
                () -> assertEquals(List.of("s2c FIN", "c2s ACK", "c2s FIN", "s2c ACK"), run.segmentsAfter(1, "close")),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF, AppEventType.CLOSED),
                        run.appTypes(1, Side.SERVER)),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.WRITE, AppEventType.EOF, AppEventType.CLOSED),
                        run.appTypes(1, Side.CLIENT), "the client, at EOF already, closes at once"));
    }

    @Test
    void aHalfClosedClientWaitsInFinWait2WithNoTimerAndStillReadsTheServersReply() throws Exception {
        // An orphan would be gone a second after the FIN's ACK (orphan lifetime 1 s): a held socket stays.
        var settings = seedWith(KeepaliveSettings.OFF).withServerPolicy(ServerPolicy.READ_KEEP).withOrphanLifetime(1);
        try (var lab = Lab.start(settings)) {
            var outcome = script(Duration.ofMillis(3000), "0s:connect", "0.2s:send 5", "0.5s:half-close", "1s:reply 7")
                    .run(lab);
            var status = lab.connections().getFirst();
            var entry = ProcNetTcp.withPort(lab.serverAddress().getPort()).find(status.clientPort(), lab.serverAddress().getPort());
            var run = new Transcript(InTimeOrder.of(lab.timeline()), List.of(), new byte[0]);

            assertAll(
                    () -> assertEquals(Script.Outcome.DONE, outcome),
                    () -> assertEquals(List.of("c2s FIN", "s2c ACK", "s2c DATA", "c2s ACK"), run.segmentsAfter(1, "half-close")),
                    () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF, AppEventType.WRITE),
                            run.appTypes(1, Side.SERVER), "the server sees EOF, then replies"),
                    () -> assertEquals(7, run.bytes(1, Side.CLIENT, AppEventType.READ), "the client still reads"),
                    () -> assertEquals(Holding.OUTPUT_SHUT, status.clientApp()),
                    () -> assertEquals(TcpState.FIN_WAIT2, status.client().state()),
                    () -> assertFalse(status.client().orphan()),
                    () -> assertEquals(TcpState.FIN_WAIT2, entry.state(), "2.5 s after its FIN, past the orphan lifetime"),
                    () -> assertEquals(KernelTimer.NONE, entry.timer(), "no orphan timer while the client holds it"));
        }
    }

    @Test
    void eachConnectionProbesWithItsOwnSettingsAndKeepsItsLabel() throws Exception {
        try (var lab = Lab.start(LabSettings.seed())) {
            // Probes at ≈ 1.2, 2.2, 3.2 s and at ≈ 3.2 s (each up to a timer-wheel bucket late): the run ends
            // half-way to the next of each (≈ 4.2 and 6.2 s).
            var outcome = script(Duration.ofMillis(3800), "0s:connect server-keepalive=1,1,3 label=\"every 1 s\"",
                    "0s:connect server-keepalive=3,1,3 label=every-3s", "0.2s:send 5@all").run(lab);
            var run = new Transcript(InTimeOrder.of(lab.timeline()), List.of(), new byte[0]);
            var statuses = lab.connections();

            assertAll(
                    () -> assertEquals(Script.Outcome.DONE, outcome),
                    () -> assertEquals(List.of("every 1 s", "every-3s"), statuses.stream().map(ConnectionStatus::label).toList()),
                    () -> assertEquals(KeepaliveSettings.of(3, 1, 3), statuses.get(1).settings().server().keepalive()),
                    () -> assertEquals(LabSettings.seed(), lab.settings(), "the lab's own settings stay"),
                    () -> assertEquals(1.0, firstProbeAfterData(run, 1), 0.3),
                    () -> assertEquals(3.0, firstProbeAfterData(run, 2), 0.3),
                    () -> assertEquals(3, run.kinds(1, Direction.S2C, SegmentKind.KEEPALIVE).size()),
                    () -> assertEquals(1, run.kinds(2, Direction.S2C, SegmentKind.KEEPALIVE).size()));
        }
    }

    @Test
    void whatAServerNoLongerHoldingItsSocketCannotDoIsRefusedInOneSentence() throws Exception {
        try (var lab = Lab.start(seedWith(KeepaliveSettings.OFF))) {
            int conn = lab.connect().get(10, TimeUnit.SECONDS);
            lab.act(conn, new Action.Kill(Side.SERVER)).get(10, TimeUnit.SECONDS);
            var again = assertThrows(ExecutionException.class,
                    () -> lab.act(conn, new Action.Kill(Side.SERVER)).get(10, TimeUnit.SECONDS));
            var reply = assertThrows(ExecutionException.class,
                    () -> lab.reply(conn, 5).get(10, TimeUnit.SECONDS));
            lab.act(conn, new Action.HalfClose()).get(10, TimeUnit.SECONDS);
            var twice = assertThrows(ExecutionException.class,
                    () -> lab.act(conn, new Action.HalfClose()).get(10, TimeUnit.SECONDS));
            var send = assertThrows(ExecutionException.class,
                    () -> lab.send(conn, 5).get(10, TimeUnit.SECONDS));
            assertAll(
                    () -> assertEquals("Connection 1: cannot kill server, the server no longer holds its socket.",
                            again.getCause().getMessage()),
                    () -> assertEquals("Connection 1: cannot reply, the server no longer holds its socket.",
                            reply.getCause().getMessage()),
                    () -> assertEquals("Connection 1: cannot half-close, the client has shut its output down already.",
                            twice.getCause().getMessage()),
                    () -> assertEquals("Connection 1: cannot send, the client has shut its output down (FIN): it writes "
                            + "nothing more.", send.getCause().getMessage()));
        }
    }

    /** Seconds from the client's data to the server's first keep-alive probe on connection {@code conn}. */
    private static double firstProbeAfterData(Transcript run, int conn) {
        long data = run.kinds(conn, Direction.C2S, SegmentKind.DATA).getFirst().t();
        return seconds(data, run.kinds(conn, Direction.S2C, SegmentKind.KEEPALIVE).getFirst().t());
    }

    private static Script script(Duration until, String... steps) {
        return new Script(Stream.of(steps).map(ScriptStep::parse).toList(), until, Duration.ofSeconds(30));
    }
}
