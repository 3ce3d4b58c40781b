package org.keepalivelab.explain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelTimer;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.TcpState;

/** Every rule of the story on a small event list built here: what it says, with the list's numbers, and when it is silent. */
class StoryRulesTest {

    private static Events severed() {
        return new Events().settings(Events.bothKeepalive(1, 1, 3)).act(500, Events.severBoth())
                .dropped(1500, Direction.S2C, SegmentKind.KEEPALIVE).dropped(2500, Direction.S2C, SegmentKind.KEEPALIVE)
                .dropped(3500, Direction.S2C, SegmentKind.KEEPALIVE).dropped(4500, Direction.S2C, SegmentKind.RST)
                .app(4500, Side.SERVER, AppEventType.ERROR, 0, "Connection timed out");
    }

    @Test
    void faultKillLooksLikeAGracefulCloseOnTheWire() {
        assertEquals(List.of("At 1.000 s the client's process was killed. Its kernel closed the socket as a graceful close "
                + "does: the wire shows a FIN (1.001 s), not a RST, so the server cannot tell a dead process from a goodbye."),
                Events.seedKilled().told(StoryRules.FAULT));
    }

    @Test
    void faultKillWithUnreadDataSendsRst() {
        var told = new Events().act(1000, new Action.Kill(Side.SERVER)).segment(1000.2, Direction.S2C, SegmentKind.RST)
                .told(StoryRules.FAULT);
        assertEquals(List.of("At 1.000 s the server's process was killed. Data it had received was still unread, so its "
                + "kernel sent a RST (1.000 s), not a FIN: closing a socket with unread data aborts it."), told);
    }

    @Test
    void faultAbortCloseHalfCloseSeverAndForget() {
        assertAll(
                () -> assertEquals(List.of("At 0.500 s the client aborted (SO_LINGER 0): its kernel sent a RST (0.501 s) "
                        + "instead of a FIN and forgot the connection at once."),
                        new Events().act(500, new Action.Abort()).segment(501, Direction.C2S, SegmentKind.RST)
                                .told(StoryRules.FAULT)),
                () -> assertTrue(new Events().act(500, new Action.Close(Side.SERVER))
                        .segment(500.5, Direction.S2C, SegmentKind.FIN).told(StoryRules.FAULT).getFirst()
                        .startsWith("At 0.500 s the server closed gracefully: its FIN (0.501 s)")),
                () -> assertTrue(new Events().act(500, new Action.HalfClose()).segment(500.5, Direction.C2S, SegmentKind.FIN)
                        .told(StoryRules.FAULT).getFirst().contains("keeps its socket, so its FIN_WAIT2 has no orphan timer")),
                () -> assertTrue(new Events().act(500, new Action.Sever(Set.of(Direction.C2S))).told(StoryRules.FAULT)
                        .getFirst().contains("severed the connection c2s: from then on everything the client sends is "
                                + "dropped at the server")),
                () -> assertEquals(List.of("At 8.200 s the middlebox between them forgot the connection: no segment had "
                        + "crossed it for 8 s (sever-idle 8). From then on it answers every segment with a RST to both ends, "
                        + "as AWS's load balancers and NAT gateways do."),
                        new Events().act(100, new Action.SeverIdle(8, IdleMode.RESET))
                                .act(8200, new Action.Forget(IdleMode.RESET)).told(StoryRules.FAULT)));
    }

    /** The client half-closes at 0.5 s; the read-once server, in CLOSE_WAIT, writes 7 bytes at 1 s. */
    private static Events halfClosedThenReplied() {
        return new Events().act(500, new Action.HalfClose()).segment(500.5, Direction.C2S, SegmentKind.FIN)
                .state(520, Side.SERVER, TcpState.CLOSE_WAIT).state(520, Side.CLIENT, TcpState.FIN_WAIT2)
                .app(1000, Side.SERVER, AppEventType.WRITE, 7, null);
    }

    @Test
    void aReplyAfterTheHalfCloseSaysWhetherTheServerReadTheEofAndWhatBecameOfItsBytes() {
        String replied = "The client's half-close ended its own direction only: the server's application had not read "
                + "the EOF waiting for it, but its socket, in CLOSE_WAIT, could still send, and it wrote 7 bytes at 1.000 s; ";
        assertAll(
                () -> assertEquals(List.of(replied + "the client, whose socket in FIN_WAIT2 is shut for sending only, still "
                        + "received, and its application read them from 1.001 s."), halfClosedThenReplied()
                        .segment(1000.5, Direction.S2C, SegmentKind.DATA, 7, 65535, false)
                        .app(1001, Side.CLIENT, AppEventType.READ, 7, null).told(StoryRules.REPLY_AFTER_HALF_CLOSE)),
                () -> assertEquals(List.of(replied + "they never reached the client: every segment that carried them was "
                        + "dropped on the way."), halfClosedThenReplied().act(800, Events.severBoth())
                        .segment(1000.5, Direction.S2C, SegmentKind.DATA, 7, 65535, true)
                        .told(StoryRules.REPLY_AFTER_HALF_CLOSE)),
                () -> assertEquals(List.of(), new Events().act(500, new Action.Kill())
                        .app(1000, Side.SERVER, AppEventType.WRITE, 7, null).told(StoryRules.REPLY_AFTER_HALF_CLOSE),
                        "after a kill the write is WRITE_DREW_RST's"));
    }

    /** A reset middlebox forgets at 8.3 s; the server's probe at 12 s is dropped and draws the forged pair. */
    private static Events resetByTheMiddlebox() {
        return new Events().settings(Events.bothKeepalive(12, 2, 3)).act(300, new Action.SeverIdle(8, IdleMode.RESET))
                .act(8300, new Action.Forget(IdleMode.RESET)).dropped(12000, Direction.S2C, SegmentKind.KEEPALIVE)
                .rst(12010, Direction.C2S, TcpFlags.RST, false).rst(12011, Direction.S2C, TcpFlags.RST, false)
                .app(12012, Side.SERVER, AppEventType.ERROR, 0, "Connection reset")
                .app(12013, Side.CLIENT, AppEventType.ERROR, 0, "Connection reset");
    }

    @Test
    void aMiddleboxThatResetsAnswersTheNextSegmentWithAForgedPair() {
        var events = resetByTheMiddlebox();
        assertAll(
                () -> assertEquals(List.of("At 12.000 s the server's keep-alive probe tried to cross: the middlebox, which "
                        + "had forgotten the connection, dropped it and answered with a RST to each end, each in the other "
                        + "end's name (12.010 s to the server, 12.011 s to the client). Neither end's kernel sent a RST of "
                        + "its own: each took the forged one as its peer's and reset the connection."),
                        events.told(StoryRules.MIDDLEBOX_RESET)),
                () -> assertEquals(List.of(), events.told(StoryRules.PROBES_UNANSWERED), "the middlebox answered it"),
                () -> assertEquals(List.of(), events.told(StoryRules.GAVE_UP), "no end sent a RST"),
                () -> assertEquals(List.of("The server's socket reported 'Connection reset' (ECONNRESET) at 12.012 s, "
                        + "3.71 s after the middlebox forgot it.", "The client's socket reported 'Connection reset' "
                        + "(ECONNRESET) at 12.013 s, 3.71 s after the middlebox forgot it."), events.told(StoryRules.LEARNED)));
        // A bare RST after a segment that reached its receiver is that end's kernel's own answer.
        var own = new Events().act(300, new Action.SeverIdle(8, IdleMode.RESET)).act(8300, new Action.Forget(IdleMode.RESET))
                .segment(12000, Direction.S2C, SegmentKind.KEEPALIVE).rst(12010, Direction.C2S, TcpFlags.RST, false);
        assertEquals(List.of(), own.told(StoryRules.MIDDLEBOX_RESET));
    }

    /** Peer reboot: a sever, the client aborts (its RST lost), the restore, the next probe draws its kernel's RST. */
    private static Events abortedDuringASever() {
        return new Events().settings(Events.bothKeepalive(3, 1, 3).withClient(SocketSettings.DEFAULT))
                .act(500, Events.severBoth()).act(1000, new Action.Abort())
                .rst(1000.5, Direction.C2S, TcpFlags.RST | TcpFlags.ACK, true)
                .app(1001, Side.CLIENT, AppEventType.CLOSED, 0, "aborted: SO_LINGER 0")
                .state(1020, Side.CLIENT, TcpState.CLOSED, true).act(1500, new Action.Restore())
                .segment(3300, Direction.S2C, SegmentKind.KEEPALIVE).rst(3300.02, Direction.C2S, TcpFlags.RST, false)
                .app(3301, Side.SERVER, AppEventType.ERROR, 0, "Connection reset");
    }

    @Test
    void aSideThatAbortsDuringASeverActedAndItsLostRstIsWhyTheProbeDrewOne() {
        var events = abortedDuringASever();
        assertAll(
                () -> assertEquals("At 1.000 s the client aborted (SO_LINGER 0): its kernel sent a RST (1.001 s) instead "
                        + "of a FIN and forgot the connection at once. The sever dropped that RST, so the server was not "
                        + "told: the client acted, and learned nothing of the sever.", events.told(StoryRules.FAULT).get(1)),
                () -> assertEquals(List.of("At 1.500 s the lab restored the connection: segments cross again, but the "
                        + "client's kernel no longer has the connection."), events.told(StoryRules.RESTORED)),
                () -> assertEquals(List.of("The probe at 3.300 s drew a RST from the client's kernel, which no longer knew "
                        + "the connection: the client had aborted at 1.000 s and its RST (1.001 s) was lost to the sever, so "
                        + "it took this probe to tell the server."), events.told(StoryRules.PROBE_DREW_RST)),
                () -> assertEquals(List.of("The server's socket reported 'Connection reset' (ECONNRESET) at 3.301 s, "
                        + "2.80 s after the sever."), events.told(StoryRules.LEARNED), "nothing of the client: it acted"));
    }

    @Test
    void aWriteToAKilledServersOrphanDrawsRstWhichEndsTheOrphanBeforeItsLifetime() {
        var events = new Events().act(1000, new Action.Kill(Side.SERVER)).segment(1000.3, Direction.S2C, SegmentKind.FIN)
                .app(1001, Side.CLIENT, AppEventType.EOF).segment(1005, Direction.C2S, SegmentKind.ACK)
                .state(1020, Side.SERVER, TcpState.FIN_WAIT2, true).state(1020, Side.CLIENT, TcpState.CLOSE_WAIT)
                .act(2000, new Action.Send(5)).segment(2000.1, Direction.C2S, SegmentKind.DATA, 5, 64, false)
                .rst(2000.12, Direction.S2C, TcpFlags.RST, false).state(2020, Side.SERVER, TcpState.CLOSED, true);
        assertAll(
                () -> assertEquals(List.of("At 2.000 s the client wrote 5 bytes: the server's orphan socket, shut for "
                        + "reading with no process behind it, takes no more data, so its kernel answered them with a RST "
                        + "(2.000 s). That RST closed the client's socket, which had taken the FIN: its next write fails "
                        + "with 'Broken pipe' (EPIPE), not 'Connection reset'."), events.told(StoryRules.WRITE_DREW_RST)),
                () -> assertEquals(List.of("The server's orphan socket (FIN_WAIT2 from 1.020 s, no process behind it) was "
                        + "asked nothing; at 2.000 s, 980 ms after it entered FIN_WAIT2, it sent a RST and was gone, long "
                        + "before its lifetime could run out."), events.told(StoryRules.ORPHAN_ANSWERED)));
    }

    @Test
    void stuckInCloseWaitWhileItsKeepaliveProbes() {
        assertEquals(List.of("The server's kernel took the FIN and its socket moved to CLOSE_WAIT (1.020 s), where an EOF "
                + "waits for a read; the server reads once and never again, so it never sees it and never closes: the "
                + "socket stays in CLOSE_WAIT, and its keep-alive goes on probing it after every 5 s of silence."),
                Events.seedKilled().told(StoryRules.STUCK_IN_CLOSE_WAIT));
        var readClose = new Events().settings(Events.readClose()).act(500, new Action.Close())
                .state(510, Side.SERVER, TcpState.CLOSE_WAIT).app(511, Side.SERVER, AppEventType.EOF);
        assertEquals(List.of(), readClose.told(StoryRules.STUCK_IN_CLOSE_WAIT), "it read the EOF at once");
    }

    @Test
    void orphanAnsweredNProbesForItsLifetime() {
        assertEquals(List.of("For its lifetime, 12 s (TCP_LINGER2, the lab's orphan lifetime), the client's orphan socket "
                + "(FIN_WAIT2 from 1.060 s, no process behind it) answered 2 probes (6.040 and 11.160 s), each telling "
                + "the server that the connection lives; it was gone at 13.100 s (found CLOSED), 12.0 s after it entered "
                + "FIN_WAIT2."), Events.seedKilled().told(StoryRules.ORPHAN_ANSWERED));
        var kernelDefault = Events.seedKilled().settings(LabSettings.seed()).told(StoryRules.ORPHAN_ANSWERED);
        assertTrue(kernelDefault.getFirst().startsWith("For its lifetime, 60 s (the kernel's tcp_fin_timeout)"),
                kernelDefault::toString);
    }

    @Test
    void theNextProbeDrewRst() {
        assertEquals(List.of("The next probe, at 16.280 s, drew a RST from the client's kernel, which no longer knew the connection "
                + "(its orphan was gone)."), Events.seedKilled().told(StoryRules.PROBE_DREW_RST));
        var reset = new Events().act(100, new Action.SeverIdle(8, IdleMode.RESET)).act(8200, new Action.Forget(IdleMode.RESET))
                .segment(9000, Direction.S2C, SegmentKind.KEEPALIVE).segment(9000.1, Direction.C2S, SegmentKind.RST);
        assertEquals(List.of("The probe at 9.000 s drew a RST: the middlebox, which had forgotten the connection, answered "
                + "for the client."), reset.told(StoryRules.PROBE_DREW_RST));
    }

    @Test
    void theReadOnceServerNeverLearnsAndItsNextReadWouldReturnEofNotAReset() {
        assertEquals(List.of("The server's kernel ended the connection at 16.280 s (it received a RST), but its "
                + "application never learned: it never reads again, so nothing tells it."),
                Events.seedKilled().told(StoryRules.LEARNED));
        assertEquals(List.of("Its next read would return EOF, not 'Connection reset', because the FIN had come before "
                + "the RST (the lab made that read for it at 16.301 s, to show it)."),
                Events.seedKilled().told(StoryRules.READ_FOR_THE_SERVER));
        var readClose = Events.seedKilled().settings(LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE));
        assertEquals(List.of("The server's read returned EOF at 16.301 s, 15.3 s after the kill: EOF, not "
                + "'Connection reset', because the FIN had come before the RST."), readClose.told(StoryRules.LEARNED));
        assertEquals(List.of(), readClose.told(StoryRules.READ_FOR_THE_SERVER));
    }

    @Test
    void unansweredProbesAndTheirCountThenTheKernelGaveUp() {
        assertAll(
                () -> assertEquals(List.of("From 1.500 s the server's probes went unanswered: 3 probes (1.500, 2.500 and "
                        + "3.500 s), every 1 s (its interval), every one lost on the way."),
                        severed().told(StoryRules.PROBES_UNANSWERED)),
                () -> assertEquals(List.of("After 3 unanswered probes (its count) the server's kernel gave up at 4.500 s: it "
                        + "sent a RST, lost on the way too, and closed the socket."), severed().told(StoryRules.GAVE_UP)),
                () -> assertEquals(List.of("The server's socket reported 'Connection timed out' (ETIMEDOUT) at 4.500 s, "
                        + "4.00 s after the sever.", "The client never learned of it: not during the run "
                        + "(4.00 s after the sever, when the run ended)."), severed().told(StoryRules.LEARNED)),
                () -> assertEquals(List.of(), severed().told(StoryRules.USER_TIMEOUT), "the count ended it"));
    }

    @Test
    void aProbeStillWaitingWhenTheRecordEndsIsSaidSo() {
        var told = new Events().act(500, Events.severBoth()).dropped(1500, Direction.S2C, SegmentKind.KEEPALIVE)
                .segment(2500, Direction.S2C, SegmentKind.KEEPALIVE).told(StoryRules.PROBES_UNANSWERED);
        assertTrue(told.getFirst().endsWith("2 probes (1.500 and 2.500 s), every 5 s (its interval); the last was still "
                + "waiting for an answer when the record ends."), told::toString);
    }

    @Test
    void theUserTimeoutEndedItBeforeTheCount() {
        var settings = LabSettings.seed().withServer(new SocketSettings(KeepaliveSettings.of(1, 1, 9), 2500));
        var told = new Events().settings(settings).act(500, Events.severBoth())
                .dropped(1500, Direction.S2C, SegmentKind.KEEPALIVE).dropped(2500, Direction.S2C, SegmentKind.KEEPALIVE)
                .dropped(3500, Direction.S2C, SegmentKind.RST).told(StoryRules.USER_TIMEOUT);
        assertEquals(List.of("It was TCP_USER_TIMEOUT (2500 ms) that ended it, not the count: once probes have started, "
                + "the keep-alive timer gives up as soon as nothing has come back for the user timeout, so the server "
                + "stopped after 2 of 9 probes."), told);
    }

    @Test
    void retransmissionsInsteadOfProbesWhileDataIsUnacknowledged() {
        var settings = LabSettings.seed().withClient(new SocketSettings(KeepaliveSettings.of(1, 1, 3), 0));
        var told = new Events().settings(settings).act(500, Events.severBoth()).act(700, new Action.Send(5))
                .app(700, Side.CLIENT, AppEventType.WRITE, 5, null)
                .segment(700.1, Direction.C2S, SegmentKind.DATA, 5, 64, true)
                .segment(910, Direction.C2S, SegmentKind.RETRANSMISSION, 5, 64, true)
                .segment(1330, Direction.C2S, SegmentKind.RETRANSMISSION, 5, 64, true)
                .segment(2170, Direction.C2S, SegmentKind.RETRANSMISSION, 5, 64, true)
                .told(StoryRules.RETRANSMISSIONS);
        assertEquals(List.of("The client's 5 bytes written at 0.700 s went unacknowledged: its kernel sent them again "
                + "3 times (0.910, 1.330 and 2.170 s), each wait about twice the last. No keep-alive went out meanwhile: "
                + "keep-alive probes only an idle connection, and one with data unacknowledged is not idle; the "
                + "retransmission timer decides instead, giving up after tcp_retries2 = 15."), told);
    }

    @Test
    void theUserTimeoutEndedTheRetransmissionsInPlaceOfRetries2() {
        var settings = LabSettings.seed().withClient(new SocketSettings(KeepaliveSettings.of(1, 1, 3), 3000));
        var events = new Events().settings(settings).act(500, Events.severBoth())
                .app(700, Side.CLIENT, AppEventType.WRITE, 5, null)
                .segment(910, Direction.C2S, SegmentKind.RETRANSMISSION, 5, 64, true)
                .app(3700, Side.CLIENT, AppEventType.ERROR, 0, "Connection timed out");
        assertAll(
                () -> assertEquals(List.of("It was TCP_USER_TIMEOUT (3000 ms) that ended the retransmissions, in place "
                        + "of tcp_retries2: with a user timeout set, the kernel gives up once data has gone unacknowledged "
                        + "that long."), events.told(StoryRules.USER_TIMEOUT)),
                () -> assertTrue(events.told(StoryRules.RETRANSMISSIONS).getFirst().endsWith("giving up once data has "
                        + "gone unacknowledged for its TCP_USER_TIMEOUT (3000 ms).")));
    }

    @Test
    void zeroWindowProbesAreNotKeepalives() {
        var told = new Events().segment(1000, Direction.S2C, SegmentKind.ACK, 0, 0, false)
                .segment(1200, Direction.C2S, SegmentKind.ZERO_WINDOW_PROBE, 1, 64, false)
                .segment(1600, Direction.C2S, SegmentKind.ZERO_WINDOW_PROBE, 1, 64, false)
                .told(StoryRules.ZERO_WINDOW_PROBES);
        assertEquals(List.of("From 1.000 s the server's receive window was full (0): with data waiting to go, the "
                + "client's kernel sent 2 zero-window probes (1.200 and 1.600 s), its persist timer backing off. They "
                + "look like keep-alives but are not: they ask whether the window has opened, and as long as the server "
                + "answers them the connection lives."), told);
    }

    @Test
    void answeredProbesOfAHealthyConnection() {
        var told = new Events().answeredProbe(3200, Direction.S2C).answeredProbe(6400, Direction.S2C)
                .told(StoryRules.PROBES_ANSWERED);
        assertEquals(List.of("The server's keep-alive probed the idle connection 2 times (3.200 and 6.400 s), each 5 s "
                + "(its idle time) after the last segment it received, and the client answered every one."), told);
    }

    @Test
    void timeWaitOnTheSideThatClosedFirst() {
        var told = new Events().act(500, new Action.Close()).state(520, Side.CLIENT, TcpState.TIME_WAIT)
                .told(StoryRules.TIME_WAIT);
        assertEquals(List.of("The client's socket, which closed first, entered TIME_WAIT at 0.520 s: it stays 60 s "
                + "(TCP_TIMEWAIT_LEN) to take the peer's late segments, then goes."), told);
    }

    @Test
    void inferredProbesAreSaidToBeInferred() {
        var told = new Events().act(500, Events.severBoth()).inferredProbe(1520, Direction.S2C)
                .inferredProbe(2540, Direction.S2C).told(StoryRules.INFERRED_PROBES);
        assertEquals(List.of("The lab cannot capture here, so it inferred the server's 2 probes (1.520 and 2.540 s) "
                + "from its kernel's count of unanswered probes (TCP_INFO) as it rose: each time is that of a sample, "
                + "within 20 ms, and a probe answered before the next sample does not show."), told);
        assertEquals(List.of(), new Events().act(500, Events.severBoth()).inferredProbe(1520, Direction.S2C)
                .told(StoryRules.PROBES_UNANSWERED), "an inferred probe's answer is unknown");
    }

    @Test
    void keepaliveOffNothingSentNothingLearned() {
        var events = new Events().settings(Events.bothKeepalive(1, 1, 3).withServer(SocketSettings.DEFAULT)
                        .withClient(SocketSettings.DEFAULT))
                .act(500, Events.severBoth()).runEnded(30_000);
        assertEquals(List.of("Keep-alive is off on both sides: on an idle connection neither kernel sends anything, so "
                + "nothing can tell either that its peer is gone."), events.told(StoryRules.KEEPALIVE_OFF));
        assertEquals(List.of("Neither side learned of it: not during the run (29.5 s after the sever, when the run "
                + "ended)."), events.told(StoryRules.LEARNED), "counted to the run's end, not to the sever, its last event");
    }

    @Test
    void aMiddleboxThatNeverForgotAndARestore() {
        var kept = new Events().act(100, new Action.SeverIdle(8, IdleMode.DROP)).answeredProbe(5100, Direction.S2C)
                .answeredProbe(10100, Direction.S2C).state(12_000, Side.SERVER, TcpState.ESTABLISHED);
        assertEquals(List.of("The middlebox would forget the connection after 8 s without a segment, but it never went "
                + "that long (at most 5.00 s between two segments), so it kept it."), kept.told(StoryRules.MIDDLEBOX_KEPT));
        var restored = new Events().act(500, Events.severBoth()).act(2700, new Action.Restore())
                .answeredProbe(3700, Direction.S2C);
        assertEquals(List.of("At 2.700 s the lab restored the connection: segments cross again, and as neither kernel "
                + "had given up, the connection lives on."), restored.told(StoryRules.RESTORED));
        assertEquals(List.of(), restored.told(StoryRules.LEARNED), "nothing was left to learn");
    }

    @Test
    void noFault() {
        assertEquals(List.of("Nothing broke the connection in the 9.00 s recorded; the server's socket is ESTABLISHED."),
                new Events().state(20, Side.SERVER, TcpState.ESTABLISHED).state(9000, Side.CLIENT, TcpState.ESTABLISHED)
                        .told(StoryRules.NO_FAULT));
    }

    @Test
    void aLiveStoryOfAConnectionClosedOnBothSidesPredictsNothing() {
        long now = Events.ms(16000);
        var closed = new SideStatus(TcpState.CLOSED, 0, false, KernelTimer.NONE, 0, now);
        var status = new ConnectionStatus(1, 40000, LabSettings.seed(), "", Holding.GONE, Holding.OPEN, true, closed,
                closed, EnumSet.noneOf(Direction.class));
        var story = new Events().act(1000, new Action.Kill()).state(16000, Side.SERVER, TcpState.CLOSED).live(status)
                .explain().story();

        assertTrue(story.sentences().stream().noneMatch(sentence -> sentence.basis() == Basis.PREDICTED), story.text());
    }

    @Test
    void aLiveStoryEndsWithWhatTheKernelDoesNextPredicted() {
        long now = Events.ms(16000);
        var server = new SideStatus(TcpState.CLOSE_WAIT, 0, false, KernelTimer.KEEPALIVE, 3200, now);
        var client = new SideStatus(TcpState.CLOSED, 0, true, KernelTimer.NONE, 0, now);
        var status = new ConnectionStatus(1, 40000, LabSettings.seed(), "", Holding.GONE, Holding.OPEN, false, client, server,
                EnumSet.noneOf(Direction.class));
        var story = new Events().act(1000, new Action.Kill()).state(16000, Side.SERVER, TcpState.CLOSE_WAIT).live(status)
                .explain().story();

        var last = story.sentences().getLast();
        assertAll(
                () -> assertEquals("Next, by the kernels' own timers: server: next keep-alive in 3.2 s (CLOSE_WAIT)  ·  "
                        + "client: closed (socket gone).", last.text()),
                () -> assertEquals(Basis.PREDICTED, last.basis()),
                () -> assertEquals(now + Events.ms(3200), last.t().getAsLong()),
                () -> assertTrue(story.text().contains("So far, 15.0 s after the kill, the server has learned nothing."),
                        story::text));
    }

    @Test
    void theStoryIsInTimeOrder() {
        var story = Events.seedKilled().explain().story();
        var times = story.sentences().stream().mapToLong(s -> s.t().getAsLong()).toArray();
        for (int i = 1; i < times.length; i++) {
            assertTrue(times[i - 1] <= times[i], story::text);
        }
        assertEquals(6, story.sentences().size(), story::text);
    }
}
