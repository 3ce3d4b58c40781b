package org.keepalivelab.explain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.explain.KernelFinding.Evidence;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabRun;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.Run;
import org.keepalivelab.lab.Script;
import org.keepalivelab.lab.ScriptStep;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;

/**
 * Explanations of real runs on the real kernel over loopback ({@link Run#play}), timers shortened to
 * seconds: the detections are the events' own times, and the story quotes the run's numbers.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExplanationKernelTest {

    /** A run's explanation of connection 1, and the facts it was made from. */
    private record Explained(ConnectionFacts facts, Explanation explanation) {
        String story() {
            return explanation.story().text();
        }

        List<SegmentEvent> sent(Side side, SegmentKind kind) {
            return facts.events().stream().filter(e -> e instanceof SegmentEvent s && s.dir() == Direction.sentBy(side)
                    && s.kind() == kind).map(SegmentEvent.class::cast).toList();
        }

        AppEvent app(Side side, AppEventType type) {
            return facts.events().stream().filter(e -> e instanceof AppEvent a && a.side() == side && a.event() == type)
                    .map(AppEvent.class::cast).findFirst().orElseThrow(() -> new AssertionError(type + " " + story()));
        }

        Detection detection(Side side) {
            return explanation.detections().stream().filter(d -> d.side() == side).findFirst().orElseThrow();
        }
    }

    private static Explained run(LabSettings settings, Duration until, String... steps) throws Exception {
        LabRun.seedWith(KeepaliveSettings.OFF); // the lab's first run warms the JVM up, before any is timed
        var script = new Script(Arrays.stream(steps).map(ScriptStep::parse).toList(), until, Duration.ofSeconds(30));
        var explained = new Explained[1];
        Run.Sink explain = lab -> {
            explained[0] = explain(lab);
            return Optional.empty();
        };
        var outcome = Run.play(settings, Isolation.HOST, script, List.of(explain), new Run.Listener() {
            @Override
            public void started(Lab lab) {
                lab.captureProblem().ifPresent(problem -> {
                    throw new AssertionError("These tests need the capture: " + problem);
                });
            }

            @Override
            public void wrote(Run.Written written) {
            }
        });
        assertEquals(Script.Outcome.DONE, outcome);
        return explained[0];
    }

    private static Explained explain(Lab lab) {
        var facts = new LabFacts(lab.timeline()).finished(lab.connections().getFirst(), lab.connections().size(),
                KernelSettings.read(), lab.clock().now());
        return new Explained(facts, Explanation.of(facts));
    }

    @Test
    void seedKilledClientReadOnceServerCloseWaitOrphanAnswersThenRstAndEof() throws Exception {
        var run = run(LabSettings.seed().withServer(new SocketSettings(KeepaliveSettings.of(2, 2, 0), 0))
                .withOrphanLifetime(5), null, "0s:connect", "0.2s:send 5", "1s:kill");

        var d = run.detection(Side.SERVER);
        var rst = run.sent(Side.CLIENT, SegmentKind.RST).getFirst();
        var eof = run.app(Side.SERVER, AppEventType.EOF);
        var probes = run.sent(Side.SERVER, SegmentKind.KEEPALIVE);
        String story = run.story();
        assertAll(
                () -> assertEquals(1, run.explanation().detections().size()),
                () -> assertEquals(KernelFinding.exact(rst.t(), Evidence.RST_RECEIVED), d.kernel().orElseThrow()),
                () -> assertEquals(Optional.empty(), d.app(), "the read-once server never reads again"),
                () -> assertEquals(new AppFinding(eof.t(), AppEventType.EOF, null), d.nextRead().orElseThrow()),
                () -> assertTrue(story.contains("the wire shows a FIN (" + Words.at(run.sent(Side.CLIENT, SegmentKind.FIN)
                        .getFirst().t()) + "), not a RST"), story),
                () -> assertTrue(story.contains("the socket stays in CLOSE_WAIT, and its keep-alive goes on probing it"), story),
                () -> assertTrue(story.contains("For its lifetime, 5 s (TCP_LINGER2, the lab's orphan lifetime), the "
                        + "client's orphan socket"), story),
                () -> assertTrue(story.contains("answered 2 probes (" + Words.times(List.of(probes.get(0).t(),
                        probes.get(1).t())) + ")"), story),
                () -> assertTrue(story.contains("The next probe, at " + Words.at(probes.get(2).t()) + ", drew a RST"), story),
                () -> assertTrue(story.contains("but its application never learned: it never reads again"), story),
                () -> assertTrue(story.contains("Its next read would return EOF, not 'Connection reset', because the FIN "
                        + "had come before the RST (the lab made that read for it at " + Words.at(eof.t())), story));
    }

    @Test
    void severWithKeepaliveOnBothSidesCountsUnansweredProbesAndBothTimeOut() throws Exception {
        var keepalive = new SocketSettings(KeepaliveSettings.of(1, 1, 3), 0);
        var run = run(LabSettings.seed().withServerPolicy(ServerPolicy.READ_KEEP).withServer(keepalive)
                .withClient(keepalive), Duration.ofMillis(5500),
                "0s:connect", "0.2s:send 5", "0.5s:sever");

        String story = run.story();
        assertAll(
                () -> assertEquals(List.of(Side.SERVER, Side.CLIENT),
                        run.explanation().detections().stream().map(Detection::side).toList()),
                () -> {
                    for (var side : Side.values()) {
                        var error = run.app(side, AppEventType.ERROR);
                        var d = run.detection(side);
                        assertEquals("Connection timed out", d.app().orElseThrow().message());
                        assertEquals(error.t(), d.app().orElseThrow().t());
                        long rst = run.sent(side, SegmentKind.RST).getFirst().t();
                        assertEquals(Math.min(rst, error.t()), d.kernel().orElseThrow().t(), side + ": " + d);
                        assertEquals(3, run.sent(side, SegmentKind.KEEPALIVE).size());
                        assertTrue(story.contains("From " + Words.at(run.sent(side, SegmentKind.KEEPALIVE).getFirst().t())
                                + " the " + side.label() + "'s probes went unanswered: 3 probes"), story);
                        assertTrue(story.contains("After 3 unanswered probes (its count) the " + side.label()
                                + "'s kernel gave up at " + Words.at(rst)), story);
                    }
                },
                () -> assertTrue(story.contains("(ETIMEDOUT)"), story));
    }

    @Test
    void abortIsARstAndConnectionResetAtOnce() throws Exception {
        var run = run(LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE), null,
                "0s:connect", "0.2s:send 5", "0.5s:abort");

        var d = run.detection(Side.SERVER);
        var rst = run.sent(Side.CLIENT, SegmentKind.RST).getFirst();
        assertAll(
                () -> assertEquals(KernelFinding.exact(rst.t(), Evidence.RST_RECEIVED), d.kernel().orElseThrow()),
                () -> assertEquals("Connection reset", d.app().orElseThrow().message()),
                () -> assertTrue(run.story().contains("the client aborted (SO_LINGER 0): its kernel sent a RST ("
                        + Words.at(rst.t()) + ")"), run.story()),
                () -> assertTrue(run.story().contains("The server's socket reported 'Connection reset' (ECONNRESET)"),
                        run.story()));
    }

    @Test
    void gracefulCloseIsFinBothWaysAndTimeWaitOnTheClient() throws Exception {
        var run = run(LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE), null,
                "0s:connect", "0.2s:send 5", "0.5s:close");

        var d = run.detection(Side.SERVER);
        var eof = run.app(Side.SERVER, AppEventType.EOF);
        var timeWait = run.facts().events().stream().filter(e -> e instanceof StateEvent s
                && s.side() == Side.CLIENT && s.state() == TcpState.TIME_WAIT).findFirst();
        assertAll(
                () -> assertEquals(eof.t(), d.app().orElseThrow().t()),
                () -> assertTrue(run.story().contains("The server's read returned EOF at " + Words.at(eof.t())), run.story()),
                () -> assertTrue(run.story().contains("and it closed its socket in turn (FIN at "), run.story()),
                () -> assertTrue(timeWait.isPresent(), "the client, which closed first, in TIME_WAIT"),
                () -> assertTrue(run.story().contains("The client's socket, which closed first, entered TIME_WAIT at "
                        + Words.at(timeWait.orElseThrow().t())), run.story()));
    }

    /** The README's half-close.script: the client half-closes, the server reads EOF and still replies. */
    @Test
    void aReplyAfterTheClientsHalfCloseReachesItsStillReceivingSocket() throws Exception {
        var run = run(LabSettings.seed().withServer(SocketSettings.DEFAULT).withServerPolicy(ServerPolicy.READ_KEEP)
                .withOrphanLifetime(1), Duration.ofMillis(2000), "0s:connect", "0.2s:send 5", "0.5s:half-close", "1s:reply 7");

        var eof = run.app(Side.SERVER, AppEventType.EOF);
        var write = run.app(Side.SERVER, AppEventType.WRITE);
        var read = run.facts().events().stream().filter(e -> e instanceof AppEvent a && a.side() == Side.CLIENT
                && a.event() == AppEventType.READ && a.t() >= write.t()).findFirst().orElseThrow();
        assertTrue(run.story().contains("The client's half-close ended its own direction only: the server's application "
                + "read that FIN as EOF at " + Words.at(eof.t()) + ", yet its socket, in CLOSE_WAIT, could still send, "
                + "and it wrote 7 bytes at " + Words.at(write.t())
                + "; the client, whose socket in FIN_WAIT2 is shut for sending only, still received, and its application "
                + "read them from " + Words.at(read.t()) + "."), run.story());
    }

    @Test
    void keepaliveOffNothingIsSentNothingIsLearned() throws Exception {
        var run = run(LabSettings.seed().withServer(SocketSettings.DEFAULT).withOrphanLifetime(1), Duration.ofMillis(3500),
                "0s:connect", "0.2s:send 5", "0.5s:kill");

        var d = run.detection(Side.SERVER);
        assertAll(
                () -> assertEquals(Optional.empty(), d.kernel()),
                () -> assertEquals(Optional.empty(), d.app()),
                () -> assertEquals(List.of(), run.sent(Side.SERVER, SegmentKind.KEEPALIVE)),
                () -> assertTrue(run.story().contains("The server's keep-alive is off: on an idle connection its kernel "
                        + "sends nothing, so nothing can tell it that the client is gone."), run.story()),
                () -> assertTrue(run.story().contains("The server never learned of it: not during the run ("), run.story()));
    }
}
