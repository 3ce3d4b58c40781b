package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.lab.LabRun.seedWith;
import static org.keepalivelab.lab.Transcript.seconds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.capture.Tshark;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * The gallery's {@code middlebox-idle} on the real kernel over loopback, shortened: a 3 s sever-idle
 * (the gallery's is 8 s) on a connection whose server probes every 2 s (survives) and on one whose
 * server waits 4 s before its first probe (forgotten), dropping or resetting.
 */
@Execution(ExecutionMode.CONCURRENT)
class MiddleboxTest {
    private static final int IDLE_SECONDS = 3;
    /**
     * How late the middlebox may forget, or answer a segment with its RSTs. This is the lab's own user
     * space, not a kernel's timer: the forget fires at the lab loop's first wake-up after the deadline,
     * once the capture thread has read every segment up to it, and the RSTs go once the capture thread
     * has read the segment they answer; both threads share two cores with the rest of the suite (and,
     * here, with other builds): 2–7 ms late on an idle machine, up to 255 ms at a load of 20.
     */
    private static final double FORGET_SLACK_SECONDS = 0.3;

    @TempDir
    Path dir;

    @Test
    void connectionProbedMoreOftenThanTheIdleTimeIsNeverForgotten() throws Exception {
        // Probes at ≈ 2.2, 4.3 and 6.3 s, each answered; the run ends well before the one at ≈ 8.4 s.
        var run = LabRun.run(seedWith(KeepaliveSettings.of(2, 2, 3)), Duration.ofMillis(7500),
                steps(IdleMode.DROP));

        assertAll(
                () -> assertEquals(List.of("s2c KEEPALIVE", "c2s KEEPALIVE_ACK", "s2c KEEPALIVE", "c2s KEEPALIVE_ACK",
                        "s2c KEEPALIVE", "c2s KEEPALIVE_ACK"), run.segmentsAfter(1, "sever-idle")),
                () -> assertTrue(run.events().stream().noneMatch(e -> e instanceof ActionEvent a
                        && a.action() instanceof Action.Forget), "never forgotten"),
                () -> assertEquals(TcpState.ESTABLISHED, run.lastState(1, Side.SERVER).state()));
    }

    @Test
    void connectionIdleLongerIsForgottenAndItsProbesDropUntilTheServerTimesOut() throws Exception {
        var run = LabRun.run(seedWith(KeepaliveSettings.of(4, 1, 3)), null, steps(IdleMode.DROP));

        var forget = run.action(1, "forget");
        var error = run.app(1, Side.SERVER).getLast();
        assertAll(
                () -> assertEquals(new Action.Forget(IdleMode.DROP), forget.action()),
                () -> assertForgotOnTime(run),
                () -> assertEquals(List.of("s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped",
                        "s2c RST dropped"), run.segmentsAfter(1, "forget")),
                () -> assertEquals(AppEventType.ERROR, error.event()),
                () -> assertEquals("Connection timed out", error.message()),
                () -> assertEquals(TcpState.ESTABLISHED, run.lastState(1, Side.CLIENT).state(),
                        "the client, which does not probe, never learns"));
    }

    @Test
    void resetMiddlebox_answersTheFirstSegmentAfterItForgotWithARstToEachEnd() throws Exception {
        var run = LabRun.run(seedWith(KeepaliveSettings.of(4, 1, 3)).withServerPolicy(ServerPolicy.READ_KEEP), null,
                steps(IdleMode.RESET));

        var after = run.segments(1).filter(s -> s.t() > run.action(1, "forget").t()).toList();
        var probe = after.get(0);
        var toServer = after.get(1);
        var toClient = after.get(2);
        long clientNext = run.segments(1).filter(s -> s.dir() == Direction.C2S && s.kind() == SegmentKind.DATA)
                .mapToLong(s -> s.seq() + s.len()).max().orElseThrow();
        assertAll(
                () -> assertEquals(new Action.Forget(IdleMode.RESET), run.action(1, "forget").action()),
                () -> assertForgotOnTime(run),
                () -> assertEquals(List.of("s2c KEEPALIVE dropped", "c2s RST", "s2c RST"),
                        after.stream().map(Transcript::describe).toList(), "the probe draws the pair, then nothing"),
                () -> assertEquals("RST", toServer.flagNames(), "a bare RST, as the middlebox forges it"),
                () -> assertEquals("RST", toClient.flagNames()),
                () -> assertEquals(clientNext, toServer.seq(), "the server expects the client's next byte"),
                () -> assertEquals(probe.seq() + 1, toClient.seq(), "a probe is one before the server's next byte"),
                () -> assertTrue(seconds(probe.t(), toClient.t()) < FORGET_SLACK_SECONDS, "right after the probe"),
                () -> assertEquals("Connection reset", lastError(run, Side.SERVER).message()),
                () -> assertEquals("Connection reset", lastError(run, Side.CLIENT).message()),
                () -> assertEquals(TcpState.CLOSED, run.lastState(1, Side.CLIENT).state()),
                () -> assertEquals(TcpState.CLOSED, run.lastState(1, Side.SERVER).state()),
                () -> assertForgedRstsAreWhatTsharkReads(run));
    }

    /** tshark reads every segment we recorded, and the forged RSTs as we built them: bare, in window, checksum good. */
    private void assertForgedRstsAreWhatTsharkReads(Transcript run) throws Exception {
        var pcap = dir.resolve("reset.pcap");
        Files.write(pcap, run.pcap());
        var ours = run.appended().stream().filter(e -> e instanceof SegmentEvent).map(SegmentEvent.class::cast).toList();
        // Loopback's own segments carry a partial checksum (the device offloads it), so only ours are checked.
        var frames = Tshark.fields(pcap, dir, List.of("tcp.check_checksum:TRUE"),
                List.of("tcp.flags", "tcp.seq_raw", "tcp.checksum.status"));
        assertEquals(ours.size(), frames.size(), "every captured segment is in the pcap");
        var forged = new ArrayList<String>();
        for (int frame = 0; frame < frames.size(); frame++) {
            if (ours.get(frame).kind() == SegmentKind.RST) {
                forged.add(frames.get(frame));
                assertEquals("0x0004\t" + ours.get(frame).seq() + "\t1", frames.get(frame),
                        "frame " + (frame + 1) + ": flags, seq, checksum status (1: good)");
            }
        }
        assertEquals(2, forged.size(), "the RST pair");
    }

    @Test
    void restoreAfterTheForgetLetsSegmentsCrossAgainAndTakesTheMiddleboxOut() throws Exception {
        // Forgotten at ≈ 3.3 s, restored at 3.7 s: the probe at ≈ 4.2 s is answered; the next is due at ≈ 8.3 s.
        var steps = new ArrayList<>(steps(IdleMode.DROP));
        steps.add(new ScriptStep(Duration.ofMillis(3700), new Action.Restore(), 1));
        var run = LabRun.run(seedWith(KeepaliveSettings.of(4, 1, 3)), Duration.ofMillis(5000), steps);

        assertAll(
                () -> assertEquals(List.of("s2c KEEPALIVE", "c2s KEEPALIVE_ACK"), run.segmentsAfter(1, "restore")),
                () -> assertEquals(List.of(), run.segmentsAfter(1, "forget").stream().filter(s -> s.endsWith("dropped")).toList()),
                () -> assertEquals(TcpState.ESTABLISHED, run.lastState(1, Side.SERVER).state()));
    }

    @Test
    void anEndLetGoBeforeTheForgetIsBeyondTheMiddleboxAndTheForgetSaysSo() throws Exception {
        // The client is killed at 1 s: its FIN is the last crossing, the forget ≈ 4 s, the server's first
        // probe ≈ 5 s reaches the orphan (no descriptor to filter), whose answer the server's filter drops.
        var steps = new ArrayList<>(steps(IdleMode.DROP));
        steps.add(ScriptStep.parse("1s:kill"));
        var run = LabRun.run(seedWith(KeepaliveSettings.of(4, 1, 3)).withOrphanLifetime(10), Duration.ofMillis(5600),
                steps);

        assertAll(
                () -> assertEquals(new Action.Forget(IdleMode.DROP, Set.of(Direction.C2S)), run.action(1, "forget").action()),
                () -> assertEquals("forget drop c2s", run.action(1, "forget").action().scriptText()),
                () -> assertForgotOnTime(run),
                () -> assertEquals(List.of("s2c KEEPALIVE", "c2s KEEPALIVE_ACK dropped"), run.segmentsAfter(1, "forget")));
    }

    @Test
    void armingIsRefusedWithWhatIsWrong() throws Exception {
        try (var lab = Lab.start(seedWith(KeepaliveSettings.OFF))) {
            int first = lab.connect().get(10, TimeUnit.SECONDS);
            int second = lab.connect().get(10, TimeUnit.SECONDS);
            lab.act(first, new Action.SeverIdle(30, IdleMode.DROP)).get(10, TimeUnit.SECONDS);
            lab.kill(second).get(10, TimeUnit.SECONDS);
            assertAll(
                    () -> assertEquals("Connection 1 has a middlebox already (sever-idle 30 drop): restore takes it out.",
                            refusal(lab, first, new Action.SeverIdle(5, IdleMode.RESET))),
                    () -> assertEquals("Connection 2: sever-idle filters what arrives at each end, and the client no "
                            + "longer holds its socket (an orphan has no descriptor to filter): arm it while both "
                            + "applications hold theirs.", refusal(lab, second, new Action.SeverIdle(5, IdleMode.DROP))),
                    () -> assertEquals("Connection 1: sever-idle's idle time must be 1..432000 s, not 0.",
                            refusal(lab, first, new Action.SeverIdle(0, IdleMode.DROP))));
        }
    }

    @Test
    void offLinuxItIsRefusedWithWhy() throws Exception {
        try (var lab = Lab.start(LabSettings.seed(), Isolation.otherSystem(LabRun.OTHER_SYSTEM))) {
            int conn = lab.connect().get(10, TimeUnit.SECONDS);
            assertEquals("Sever-idle needs Linux's capture and socket filters, and this is Mac OS X 15.1: run Keepalive "
                    + "Lab on Linux to put a middlebox between the ends.", refusal(lab, conn, new Action.SeverIdle(5, IdleMode.RESET)));
        }
    }

    /** Connect, say howdy, arm the middlebox: the idle time counts from the arming, 0.3 s in. */
    private static List<ScriptStep> steps(IdleMode mode) {
        return List.of(ScriptStep.parse("0s:connect"), ScriptStep.parse("0.2s:send 5"),
                new ScriptStep(Duration.ofMillis(300), new Action.SeverIdle(IDLE_SECONDS, mode), 1));
    }

    /** The forget came the idle time after the last crossing (or the arming, if later), within the timer's slack. */
    private static void assertForgotOnTime(Transcript run) {
        long forgot = run.action(1, "forget").t();
        long lastCrossing = Math.max(run.action(1, "sever-idle").t(),
                run.segments(1).filter(s -> s.t() < forgot).mapToLong(SegmentEvent::t).max().orElseThrow());
        double late = seconds(lastCrossing, forgot) - IDLE_SECONDS;
        assertTrue(late >= 0 && late < FORGET_SLACK_SECONDS, "forgot " + late + " s after the deadline");
    }

    private static AppEvent lastError(Transcript run, Side side) {
        return run.app(1, side).stream().filter(a -> a.event() == AppEventType.ERROR).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no error at the " + side.label() + ": " + run.app(1, side)));
    }

    private static String refusal(Lab lab, int conn, Action.OnConnection action) {
        var failure = assertThrows(ExecutionException.class, () -> lab.act(conn, action).get(10, TimeUnit.SECONDS));
        return failure.getCause().getMessage();
    }
}
