package org.keepalivelab.explain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabRun;
import org.keepalivelab.lab.Scenario;
import org.keepalivelab.lab.Scenarios;
import org.keepalivelab.lab.Script;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.InTimeOrder;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;

/**
 * Every scenario of the gallery on the real kernel over loopback, as the catalogue holds it: the exact
 * segments where the kernel is deterministic, the detection times within the timer's real slack (the
 * timer wheel: a timer under 4.1 s fires on a 64 ms boundary, one under 32.8 s on a 512 ms one, never
 * early; kernel/time/timer.c), and the story's key sentence. The scenarios run side by side.
 * data-in-flight needs the lab's own sysctl, set in a namespace of its own: {@code DataInFlightScenarioIT}.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScenariosKernelTest {
    /** A 64 ms timer-wheel bucket plus the suite's load on two cores (the timer's softirq may wait). */
    private static final double SHORT_SLACK = 0.064 + 0.05;
    /** A 512 ms bucket (timers of 4.1 to 32.8 s) plus the load. */
    private static final double LONG_SLACK = 0.512 + 0.05;

    /** One scenario's run: its events, each connection's explanation. */
    private record Played(List<Event> events, List<Explanation> explanations) {
        List<String> segmentsAfter(int conn, long t) {
            return events.stream().filter(e -> e.conn() == conn && e.t() > t && e instanceof SegmentEvent)
                    .map(e -> describe((SegmentEvent) e)).toList();
        }

        List<SegmentEvent> sent(int conn, Side side, SegmentKind kind) {
            return events.stream().filter(e -> e.conn() == conn && e instanceof SegmentEvent s
                    && s.dir() == Direction.sentBy(side) && s.kind() == kind).map(SegmentEvent.class::cast).toList();
        }

        AppEvent last(int conn, Side side) {
            return events.stream().filter(e -> e.conn() == conn && e instanceof AppEvent a && a.side() == side)
                    .map(AppEvent.class::cast).reduce((a, b) -> b).orElseThrow();
        }

        List<StateEvent> states(int conn, Side side) {
            return events.stream().filter(e -> e.conn() == conn && e instanceof StateEvent s && s.side() == side)
                    .map(StateEvent.class::cast).toList();
        }

        Detection detection(int conn, Side side) {
            return explanations.get(conn - 1).detections().stream().filter(d -> d.side() == side).findFirst()
                    .orElseThrow(() -> new AssertionError("no detection of the " + side + " of " + conn));
        }

        String story(int conn) {
            return explanations.get(conn - 1).story().text();
        }

        /** The last segment the side received before {@code t}, when its keep-alive's idle time starts. */
        long lastReceivedBefore(int conn, Side side, long t) {
            return events.stream().filter(e -> e.conn() == conn && e.t() < t && e instanceof SegmentEvent s
                    && s.dir() == Direction.sentBy(side.peer()) && !s.dropped()).mapToLong(Event::t).max().orElseThrow();
        }
    }

    private static String describe(SegmentEvent s) {
        return s.dir().label() + " " + s.kind() + (s.dropped() ? " dropped" : "");
    }

    private static Played play(String name) throws Exception {
        LabRun.seedWith(KeepaliveSettings.OFF); // the lab's first run warms the JVM up, before any is timed
        Scenario scenario = Scenarios.named(name).orElseThrow();
        try (var lab = Lab.start(scenario.settings(), Isolation.HOST)) {
            if (lab.captureProblem().isPresent()) {
                throw new AssertionError("These tests need the capture: " + lab.captureProblem().get());
            }
            var outcome = scenario.playable().run(lab);
            assertEquals(Script.Outcome.DONE, outcome, () -> name + " did not end in time: " + InTimeOrder.of(lab.timeline()));
            var explanations = LabFacts.explainFinished(lab, KernelSettings.read());
            return new Played(InTimeOrder.of(lab.timeline()), explanations);
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /** {@code t} is {@code expected} s after {@code from}, never early, at most {@code slack} late. */
    private static void assertAfter(double expected, long from, long t, double slack, String what) {
        double s = seconds(from, t);
        assertTrue(s >= expected - 0.002 && s <= expected + slack, what + ": " + s + " s, expected " + expected
                + " s to " + (expected + slack) + " s");
    }

    private static long faultT(Detection d) {
        return d.fault().t();
    }

    @Test
    void seedKill() throws Exception {
        var run = play("seed-kill");
        var d = run.detection(1, Side.SERVER);
        long kill = faultT(d);
        var probes = run.sent(1, Side.SERVER, SegmentKind.KEEPALIVE);
        var rst = run.sent(1, Side.CLIENT, SegmentKind.RST).getFirst();
        long fin = run.sent(1, Side.CLIENT, SegmentKind.FIN).getFirst().t();
        assertAll(
                () -> assertEquals(List.of("c2s FIN", "s2c ACK", "s2c KEEPALIVE", "c2s KEEPALIVE_ACK", "s2c KEEPALIVE",
                        "c2s KEEPALIVE_ACK", "s2c KEEPALIVE", "c2s KEEPALIVE_ACK", "s2c KEEPALIVE", "c2s RST"),
                        run.segmentsAfter(1, kill), "the orphan answers three probes in its 18 s, the fourth draws RST"),
                // The orphan lives 18 s after the FIN (TCP_LINGER2); probes go 5 s after the FIN, then every 5.12 s.
                () -> assertAfter(5, fin, probes.getFirst().t(), LONG_SLACK, "the first probe"),
                () -> assertEquals(rst.t(), d.kernel().orElseThrow().t()),
                () -> assertEquals(Optional.empty(), d.app(), "the read-once server never learns"),
                () -> assertEquals(AppEventType.EOF, d.nextRead().orElseThrow().event()),
                () -> assertTrue(run.story(1).contains("answered 3 probes"), run.story(1)),
                () -> assertTrue(run.story(1).contains("but its application never learned: it never reads again"),
                        run.story(1)),
                () -> assertTrue(run.story(1).contains("Its next read would return EOF, not 'Connection reset'"),
                        run.story(1)));
    }

    @Test
    void sever() throws Exception {
        var run = play("sever");
        var d = run.detection(1, Side.SERVER);
        long sever = faultT(d);
        long idleFrom = run.lastReceivedBefore(1, Side.SERVER, sever);
        var rst = run.sent(1, Side.SERVER, SegmentKind.RST).getFirst();
        assertAll(
                () -> assertEquals(List.of("s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped",
                        "s2c RST dropped"), run.segmentsAfter(1, sever)),
                // idle 2 + count 3 × interval 1 after the last segment received
                () -> assertAfter(5, idleFrom, rst.t(), 4 * SHORT_SLACK, "ETIMEDOUT's RST"),
                () -> assertEquals("Connection timed out", d.app().orElseThrow().message()),
                () -> assertEquals(Optional.empty(), run.detection(1, Side.CLIENT).app(), "the client learns nothing"),
                () -> assertTrue(run.story(1).contains("After 3 unanswered probes (its count) the server's kernel gave up"),
                        run.story(1)));
    }

    @Test
    void keepaliveOff() throws Exception {
        var run = play("keepalive-off");
        long sever = faultT(run.detection(1, Side.SERVER));
        assertAll(
                () -> assertEquals(List.of(), run.segmentsAfter(1, sever), "nothing is ever sent"),
                () -> assertEquals(Optional.empty(), run.detection(1, Side.SERVER).kernel()),
                () -> assertEquals(Optional.empty(), run.detection(1, Side.CLIENT).app()),
                () -> assertTrue(run.story(1).contains("Keep-alive is off on both sides"), run.story(1)),
                // counted to the run's end, not to the sever, the record's last event
                () -> assertTrue(run.story(1).matches(".*Neither side learned of it: not during the run \\((?!0 ms)[^)]* "
                        + "after the sever, when the run ended\\)\\..*"), run.story(1)));
    }

    @Test
    void userTimeoutTrap() throws Exception {
        var run = play("user-timeout-trap");
        long sever1 = faultT(run.detection(1, Side.SERVER));
        long sever2 = faultT(run.detection(2, Side.SERVER));
        long idle1 = run.lastReceivedBefore(1, Side.SERVER, sever1);
        long idle2 = run.lastReceivedBefore(2, Side.SERVER, sever2);
        assertAll(
                () -> assertEquals(List.of("s2c KEEPALIVE dropped", "s2c RST dropped"), run.segmentsAfter(1, sever1),
                        "one probe, then the user timeout at the next keep-alive timer"),
                () -> assertEquals(List.of("s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped",
                        "s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped", "s2c RST dropped"), run.segmentsAfter(2, sever2)),
                // the first timer after the 3 s user timeout: idle 2 + interval 2
                () -> assertAfter(4, idle1, run.detection(1, Side.SERVER).kernel().orElseThrow().t(), 2 * SHORT_SLACK,
                        "user timeout"),
                // idle 2 + count 5 × interval 2
                () -> assertAfter(12, idle2, run.detection(2, Side.SERVER).kernel().orElseThrow().t(), 6 * SHORT_SLACK,
                        "count"),
                () -> assertTrue(run.story(1).contains("It was TCP_USER_TIMEOUT (3000 ms) that ended it, not the count"),
                        run.story(1)));
    }

    @Test
    void peerReboot() throws Exception {
        var run = play("peer-reboot");
        var d = run.detection(1, Side.SERVER);
        long sever = faultT(d);
        long idleFrom = run.lastReceivedBefore(1, Side.SERVER, sever);
        var probe = run.sent(1, Side.SERVER, SegmentKind.KEEPALIVE).getFirst();
        assertAll(
                () -> assertEquals(List.of("c2s RST dropped", "s2c KEEPALIVE", "c2s RST"), run.segmentsAfter(1, sever),
                        "the client's abort is lost; after the restore the first probe draws RST"),
                () -> assertAfter(3, idleFrom, probe.t(), SHORT_SLACK, "the first probe, idle 3 s"),
                () -> assertEquals("Connection reset", d.app().orElseThrow().message()),
                () -> assertEquals(List.of(Side.SERVER), run.explanations().getFirst().detections().stream()
                        .map(Detection::side).toList(), "the client aborted: it acted, it learned nothing"),
                () -> assertTrue(run.story(1).contains("drew a RST from the client's kernel, which no longer knew the "
                        + "connection: the client had aborted at"), run.story(1)),
                () -> assertTrue(!run.story(1).contains("orphan"), run.story(1)));
    }

    @Test
    void middleboxIdle() throws Exception {
        var run = play("middlebox-idle");
        var dropped = run.detection(2, Side.SERVER);
        var reset = run.detection(3, Side.SERVER);
        assertAll(
                () -> assertTrue(run.explanations().getFirst().detections().isEmpty(), "every 5 s: never forgotten"),
                () -> assertTrue(run.story(1).contains("so it kept it"), run.story(1)),
                () -> assertEquals(List.of("s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped", "s2c KEEPALIVE dropped",
                        "s2c RST dropped"), run.segmentsAfter(2, faultT(dropped))),
                () -> assertEquals("Connection timed out", dropped.app().orElseThrow().message()),
                () -> assertEquals(List.of("s2c KEEPALIVE dropped", "c2s RST", "s2c RST"), run.segmentsAfter(3, faultT(reset)),
                        "the probe is dropped by the filter and draws the forged pair"),
                () -> assertEquals("Connection reset", reset.app().orElseThrow().message()),
                () -> assertEquals(KernelFinding.Evidence.RST_RECEIVED,
                        run.detection(3, Side.CLIENT).kernel().orElseThrow().evidence(), "the forged RST is no one's own"),
                () -> assertTrue(run.story(3).contains("the middlebox, which had forgotten the connection, dropped it and "
                        + "answered with a RST to each end"), run.story(3)),
                () -> assertTrue(!run.story(3).contains("unanswered"), run.story(3)),
                // idle 12 s after the last segment: the data's ACK
                () -> assertAfter(12, run.lastReceivedBefore(3, Side.SERVER, faultT(reset)),
                        reset.kernel().orElseThrow().t(), LONG_SLACK, "the reset answers the first probe"));
    }

    @Test
    void halfClose() throws Exception {
        var run = play("half-close");
        var killed = run.detection(2, Side.SERVER);
        var clientStates = run.states(1, Side.CLIENT);
        assertAll(
                () -> assertEquals(TcpState.FIN_WAIT2, clientStates.getLast().state(), "held: FIN_WAIT2 to the end"),
                () -> assertTrue(run.sent(1, Side.CLIENT, SegmentKind.RST).isEmpty()),
                () -> assertTrue(run.sent(1, Side.CLIENT, SegmentKind.KEEPALIVE_ACK).size() >= 3,
                        "the held socket answers every probe"),
                () -> assertEquals(List.of("c2s FIN", "s2c ACK", "s2c KEEPALIVE", "c2s KEEPALIVE_ACK", "s2c KEEPALIVE",
                        "c2s RST"), run.segmentsAfter(2, faultT(killed)), "the orphan answers one probe in its 5 s"),
                () -> assertEquals(Optional.empty(), killed.app()),
                () -> assertTrue(run.story(1).contains("so its FIN_WAIT2 has no orphan timer"), run.story(1)));
    }

    @Test
    void zeroWindow() throws Exception {
        var run = play("zero-window");
        var probes = run.sent(1, Side.CLIENT, SegmentKind.ZERO_WINDOW_PROBE);
        assertAll(
                () -> assertTrue(probes.size() >= 4, "persist probes: " + probes.size()),
                () -> assertTrue(run.sent(1, Side.CLIENT, SegmentKind.KEEPALIVE).isEmpty(),
                        "the client's keep-alive never fires while data waits"),
                () -> assertTrue(seconds(probes.get(2).t(), probes.get(3).t()) > seconds(probes.get(1).t(), probes.get(2).t()),
                        "backing off"),
                () -> assertTrue(run.story(1).contains("They look like keep-alives but are not"), run.story(1)));
    }

    @Test
    void serverGone() throws Exception {
        var run = play("server-gone");
        var withKeepalive = run.detection(1, Side.CLIENT);
        var killed = run.detection(3, Side.CLIENT);
        long idleFrom = run.lastReceivedBefore(1, Side.CLIENT, faultT(withKeepalive));
        assertAll(
                () -> assertEquals("Connection timed out", withKeepalive.app().orElseThrow().message()),
                () -> assertAfter(5, idleFrom, withKeepalive.kernel().orElseThrow().t(), 4 * SHORT_SLACK,
                        "idle 2 + 3 × 1 s"),
                () -> assertEquals(Optional.empty(), run.detection(2, Side.CLIENT).app(), "no keep-alive: it waits"),
                () -> assertEquals(List.of(), run.segmentsAfter(2, faultT(run.detection(2, Side.CLIENT)))),
                () -> assertEquals(AppEventType.EOF, killed.app().orElseThrow().event()),
                () -> assertTrue(seconds(faultT(killed), killed.app().orElseThrow().t()) < 0.1, "EOF at once"),
                () -> assertEquals(List.of("s2c FIN", "c2s ACK", "c2s DATA", "s2c RST"), run.segmentsAfter(3, faultT(killed)),
                        "the write after the kill draws RST"),
                () -> assertTrue(run.story(3).contains("the client wrote 5 bytes: the server's orphan socket, shut for "
                        + "reading with no process behind it, takes no more data, so its kernel answered them with a RST"),
                        run.story(3)),
                () -> assertTrue(!run.story(3).contains("For its lifetime"), run.story(3)));
    }

    @Test
    void bothProbing() throws Exception {
        var run = play("both-probing");
        var server = run.detection(1, Side.SERVER);
        var client = run.detection(1, Side.CLIENT);
        long sever = faultT(server);
        assertAll(
                // The client gives up first. Its closed socket is no longer in the kernel's lookup, so the sever's
                // filter on it no longer sees the server's probes, and the capture does not mark them dropped:
                // the client's kernel answers each with a RST, which the server's filter drops.
                () -> assertEquals(List.of("c2s KEEPALIVE dropped", "c2s KEEPALIVE dropped", "c2s RST dropped",
                        "s2c KEEPALIVE", "c2s RST dropped", "s2c KEEPALIVE", "c2s RST dropped",
                        "s2c KEEPALIVE", "c2s RST dropped", "s2c RST"), run.segmentsAfter(1, sever)),
                () -> assertTrue(run.story(1).contains("each reached the client's kernel, which no longer had the "
                        + "connection and answered with a RST, and the sever dropped those RSTs"), run.story(1)),
                () -> assertAfter(4, run.lastReceivedBefore(1, Side.CLIENT, sever), client.kernel().orElseThrow().t(),
                        3 * SHORT_SLACK, "the client: idle 2 + 2 × 1 s"),
                () -> assertAfter(8, run.lastReceivedBefore(1, Side.SERVER, sever), server.kernel().orElseThrow().t(),
                        LONG_SLACK + 3 * SHORT_SLACK, "the server: idle 5 + 3 × 1 s"),
                () -> assertTrue(client.app().orElseThrow().t() < server.app().orElseThrow().t(), "the client first"));
    }

    @Test
    void abort() throws Exception {
        var run = play("abort");
        var d = run.detection(1, Side.SERVER);
        assertAll(
                () -> assertEquals(List.of("c2s RST"), run.segmentsAfter(1, faultT(d))),
                () -> assertEquals("Connection reset", d.app().orElseThrow().message()),
                () -> assertTrue(seconds(faultT(d), d.app().orElseThrow().t()) < 0.1, "at once"),
                () -> assertTrue(run.story(1).contains("its kernel sent a RST"), run.story(1)));
    }

    @Test
    void graceful() throws Exception {
        var run = play("graceful");
        var d = run.detection(1, Side.SERVER);
        var clientStates = run.states(1, Side.CLIENT).stream().map(s -> s.state().name()).collect(Collectors.toSet());
        assertAll(
                () -> assertEquals(List.of("c2s FIN", "s2c FIN", "c2s ACK"), run.segmentsAfter(1, faultT(d)),
                        "FIN both ways (the server's ACK rides on its FIN)"),
                () -> assertEquals(AppEventType.EOF, d.app().orElseThrow().event()),
                () -> assertTrue(clientStates.contains("TIME_WAIT"), "the client, which closed first: " + clientStates),
                () -> assertTrue(run.states(1, Side.SERVER).stream().noneMatch(s -> s.state() == TcpState.TIME_WAIT)),
                () -> assertEquals(AppEventType.CLOSED, run.last(1, Side.SERVER).event()),
                () -> assertTrue(run.story(1).contains("which closed first, entered TIME_WAIT"), run.story(1)));
    }
}
