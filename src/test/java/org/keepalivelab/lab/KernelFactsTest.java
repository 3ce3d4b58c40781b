package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.lab.LabRun.seedWith;
import static org.keepalivelab.lab.Transcript.seconds;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * The seed scenario and the kernel facts of docs/architecture.md, on the real kernel over loopback,
 * with shortened timers: exact segment sequences, generous timing tolerances.
 */
@Execution(ExecutionMode.CONCURRENT)
class KernelFactsTest {
    /** Keepalive 1/1/3, severed both ways after the greeting: what follows the sever. */
    static final List<String> SEVERED = List.of("s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped",
            "s2c KEEPALIVE dropped", "s2c RST dropped");

    /** The seed shortened (keepalive 2/2, the orphan lives 5 s), client killed after the greeting: what follows the kill. */
    static final List<String> KILLED = List.of("c2s FIN", "s2c ACK",
            "s2c KEEPALIVE", "c2s KEEPALIVE_ACK",
            "s2c KEEPALIVE", "c2s KEEPALIVE_ACK",
            "s2c KEEPALIVE", "c2s RST");

    @Test
    void severedPeerGetsCountProbesThenRstAndTimedOut() throws Exception {
        var run = LabRun.untilClosed(seedWith(KeepaliveSettings.of(1, 1, 3)),
                "0s:connect", "0.2s:send 5", "0.5s:sever");

        assertEquals(SEVERED, run.segmentsAfter(1, "sever"));
        var lastReceived = run.segments(1).filter(s -> s.dir() == Direction.C2S && !s.dropped()).toList().getLast();
        var rst = run.kinds(1, Direction.S2C, SegmentKind.RST).getFirst();
        var error = run.app(1, Side.SERVER).getLast();
        assertAll(
                () -> assertEquals(4.0, seconds(lastReceived.t(), rst.t()), 0.5, "idle + count x interval"),
                () -> assertEquals(AppEventType.ERROR, error.event()),
                () -> assertEquals("Connection timed out", error.message()),
                () -> assertEquals(0, seconds(rst.t(), error.t()), 0.3),
                () -> assertEquals(TcpState.CLOSED, run.lastState(1, Side.SERVER).state()));
    }

    @Test
    void killedClientsOrphanAnswersProbesUntilItExpiresThenRstAndEof() throws Exception {
        // The seed, shortened: probes every 2 s, the orphan lives 5 s.
        var run = LabRun.untilClosed(seedWith(KeepaliveSettings.of(2, 2, KeepaliveSettings.KERNEL_DEFAULT_COUNT))
                        .withOrphanLifetime(5),
                "0s:connect", "0.2s:send 5", "1s:kill");

        assertEquals(KILLED, run.segmentsAfter(1, "kill"));
        long fin = run.kinds(1, Direction.C2S, SegmentKind.FIN).getFirst().t();
        var probes = run.kinds(1, Direction.S2C, SegmentKind.KEEPALIVE);
        var server = run.app(1, Side.SERVER);
        assertAll(
                () -> assertEquals(2.0, seconds(fin, probes.get(0).t()), 0.3),
                () -> assertEquals(4.0, seconds(fin, probes.get(1).t()), 0.3),
                () -> assertEquals(6.0, seconds(fin, probes.get(2).t()), 0.3),
                () -> assertTrue(run.states(1, Side.CLIENT).stream()
                        .anyMatch(s -> s.state() == TcpState.FIN_WAIT2 && s.orphan()), "the client's orphan in FIN_WAIT2"),
                () -> assertTrue(run.states(1, Side.SERVER).stream()
                        .anyMatch(s -> s.state() == TcpState.CLOSE_WAIT), "the server in CLOSE_WAIT"),
                () -> assertEquals(TcpState.CLOSED, run.lastState(1, Side.SERVER).state()),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF),
                        server.stream().map(a -> a.event()).toList(), "read once, then EOF once the kernel closed"));
    }

    @Test
    void healthyIdleConnectionIsProbedEveryIdleSecondsAndAnswered() throws Exception {
        var run = LabRun.until(Duration.ofMillis(10_500), seedWith(KeepaliveSettings.of(3, 1, 3)),
                "0s:connect", "0.2s:send 5");

        assertEquals(List.of("c2s DATA", "s2c ACK",
                "s2c KEEPALIVE", "c2s KEEPALIVE_ACK",
                "s2c KEEPALIVE", "c2s KEEPALIVE_ACK",
                "s2c KEEPALIVE", "c2s KEEPALIVE_ACK"), run.segmentsAfter(1, "send"));
        var probes = run.kinds(1, Direction.S2C, SegmentKind.KEEPALIVE);
        assertAll(
                () -> assertEquals(3.0, seconds(probes.get(0).t(), probes.get(1).t()), 0.3, "idle after an answer, not interval"),
                () -> assertEquals(3.0, seconds(probes.get(1).t(), probes.get(2).t()), 0.3),
                () -> assertEquals(TcpState.ESTABLISHED, run.lastState(1, Side.SERVER).state()));
    }

    @Test
    void gracefulCloseWithReadCloseServerIsFinBothWaysWithoutProbes() throws Exception {
        var run = LabRun.untilClosed(seedWith(KeepaliveSettings.of(1, 1, 3)).withServerPolicy(ServerPolicy.READ_CLOSE),
                "0s:connect", "0.2s:send 5", "0.5s:close");

        var after = run.segmentsAfter(1, "close");
        assertAll(
                () -> assertEquals(1, after.stream().filter(s -> s.equals("c2s FIN")).count(), after::toString),
                () -> assertEquals(1, after.stream().filter(s -> s.equals("s2c FIN")).count(), after::toString),
                () -> assertTrue(after.stream().allMatch(s -> s.endsWith(" FIN") || s.endsWith(" ACK")), after::toString),
                () -> assertEquals(0, run.segments(1).filter(s -> s.kind() == SegmentKind.KEEPALIVE).count()),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.WRITE, AppEventType.EOF, AppEventType.CLOSED),
                        run.appTypes(1, Side.CLIENT)),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF, AppEventType.CLOSED),
                        run.appTypes(1, Side.SERVER)));
    }

    @Test
    void abortSendsRstAndTheServerSeesConnectionReset() throws Exception {
        var run = LabRun.untilClosed(seedWith(KeepaliveSettings.OFF).withServerPolicy(ServerPolicy.READ_CLOSE),
                "0s:connect", "0.2s:send 5", "0.5s:abort");

        assertEquals(List.of("c2s RST"), run.segmentsAfter(1, "abort"));
        var error = run.app(1, Side.SERVER).stream().filter(a -> a.event() == AppEventType.ERROR).findFirst().orElseThrow();
        assertAll(
                () -> assertEquals("RST,ACK", run.kinds(1, Direction.C2S, SegmentKind.RST).getFirst().flagNames()),
                () -> assertEquals("Connection reset", error.message()));
    }

    @Test
    void dataBothWaysIsCapturedWithItsLengths() throws Exception {
        var run = LabRun.until(Duration.ofSeconds(2), seedWith(KeepaliveSettings.OFF).withServerPolicy(ServerPolicy.READ_KEEP),
                "0s:connect", "0.2s:send 1000", "0.4s:reply 700");

        var segments = run.segmentsAfter(1, "send");
        assertAll(
                () -> assertEquals(1000, dataBytes(run, Direction.C2S), segments::toString),
                () -> assertEquals(700, dataBytes(run, Direction.S2C), segments::toString),
                () -> assertEquals(1000, run.bytes(1, Side.CLIENT, AppEventType.WRITE)),
                () -> assertEquals(1000, run.bytes(1, Side.SERVER, AppEventType.READ)),
                () -> assertEquals(700, run.bytes(1, Side.SERVER, AppEventType.WRITE)),
                () -> assertEquals(700, run.bytes(1, Side.CLIENT, AppEventType.READ), () -> run.app(1, Side.CLIENT).toString()));
    }

    private static int dataBytes(Transcript run, Direction dir) {
        return run.kinds(1, dir, SegmentKind.DATA).stream().mapToInt(SegmentEvent::len).sum();
    }

    @Test
    void restoringBeforeTheCountRunsOutKeepsTheConnection() throws Exception {
        // Probes at ≈ 1.2 and 2.2 s (lost), 3.2 and 4.2 s (answered); the run ends half-way to the one at
        // ≈ 5.2 s, so a loaded machine's late shutdown cannot record it.
        var run = LabRun.until(Duration.ofMillis(4700), seedWith(KeepaliveSettings.of(1, 1, 3)),
                "0s:connect", "0.2s:send 5", "0.5s:sever", "2.7s:restore");

        assertEquals(List.of("s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped",
                "s2c KEEPALIVE", "c2s KEEPALIVE_ACK",
                "s2c KEEPALIVE", "c2s KEEPALIVE_ACK"), run.segmentsAfter(1, "sever"));
        assertAll(
                () -> assertEquals(TcpState.ESTABLISHED, run.lastState(1, Side.SERVER).state()),
                () -> assertEquals(0, run.lastState(1, Side.SERVER).probes()),
                () -> assertTrue(run.app(1, Side.SERVER).stream().noneMatch(a -> a.event() == AppEventType.ERROR)));
    }
}
