package org.keepalivelab.explain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.explain.Events.ms;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keepalivelab.explain.KernelFinding.Evidence;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.TcpState;

/** The detection rules on small event lists: which sides get a record, and which event each time is. */
class DetectionsTest {

    @Test
    void aKillGivesTheSurvivorOneRecordWithTheRstItReceivedAndTheNextReadOfAServerThatNeverReads() {
        var detections = Events.seedKilled().explain().detections();

        assertEquals(1, detections.size());
        var d = detections.getFirst();
        assertAll(
                () -> assertEquals(Side.SERVER, d.side()),
                () -> assertEquals("kill", d.fault().name()),
                () -> assertEquals(Optional.of(Side.CLIENT), d.fault().side()),
                () -> assertEquals(ms(1000), d.fault().t()),
                () -> assertEquals(KernelFinding.exact(ms(16280.02), Evidence.RST_RECEIVED), d.kernel().orElseThrow()),
                () -> assertEquals(Optional.empty(), d.app(), "the read-once server never reads again: it learns nothing"),
                () -> assertEquals(new AppFinding(ms(16301), AppEventType.EOF, null), d.nextRead().orElseThrow(),
                        "the lab's read for it"),
                () -> assertEquals("server's application has not learned (its next read: EOF); its kernel knew after "
                        + "15.3 s: it received a RST", d.summary()),
                () -> assertEquals(Basis.MEASURED, d.basis()));
    }

    @Test
    void aServerThatReadsToTheEndLearnsFromItsOwnRead() {
        var readClose = Events.seedKilled().settings(LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE))
                .explain().detections().getFirst();
        assertAll(
                () -> assertEquals(new AppFinding(ms(16301), AppEventType.EOF, null), readClose.app().orElseThrow()),
                () -> assertEquals(Optional.empty(), readClose.nextRead()));
    }

    @Test
    void aReadOnceServersOwnCloseReadsToTheEndItself() {
        var d = new Events().settings(LabSettings.seed())
                .app(1, Side.SERVER, AppEventType.CONNECTED).app(205, Side.SERVER, AppEventType.READ, 5, null)
                .act(500, new Action.Close(Side.SERVER)).segment(500.5, Direction.S2C, SegmentKind.FIN)
                .act(1000, new Action.Close()).segment(1000.5, Direction.C2S, SegmentKind.FIN)
                .app(1001, Side.CLIENT, AppEventType.EOF).app(1001, Side.SERVER, AppEventType.EOF)
                .app(1002, Side.SERVER, AppEventType.CLOSED).explain().detections().getFirst();
        assertAll(
                () -> assertEquals(Side.CLIENT, d.side(), "the server's close is the fault: the client survives it"),
                () -> assertEquals(AppEventType.EOF, d.app().orElseThrow().event()));
        var server = new Events().settings(LabSettings.seed())
                .app(1, Side.SERVER, AppEventType.CONNECTED).app(205, Side.SERVER, AppEventType.READ, 5, null)
                .act(500, new Action.Kill()).segment(500.5, Direction.C2S, SegmentKind.FIN)
                .act(1000, new Action.Close(Side.SERVER)).app(1001, Side.SERVER, AppEventType.EOF)
                .app(1002, Side.SERVER, AppEventType.CLOSED).explain().detections().getFirst();
        assertAll(
                () -> assertEquals(new AppFinding(ms(1001), AppEventType.EOF, null), server.app().orElseThrow(),
                        "its close read the EOF: its own read"),
                () -> assertEquals(Optional.empty(), server.nextRead()));
    }

    @Test
    void aSeverGivesBothSidesARecordAndALostRstIsOnlyTheSendersEvidence() {
        var detections = new Events().settings(Events.bothKeepalive(1, 1, 3))
                .act(500, Events.severBoth())
                .dropped(1500, Direction.S2C, SegmentKind.KEEPALIVE).dropped(1500, Direction.C2S, SegmentKind.KEEPALIVE)
                .dropped(4500, Direction.S2C, SegmentKind.RST)
                .app(4501, Side.SERVER, AppEventType.ERROR, 0, "Connection timed out")
                .app(4499, Side.CLIENT, AppEventType.ERROR, 0, "Connection timed out")
                .dropped(4503, Direction.C2S, SegmentKind.RST)
                .explain().detections();

        assertEquals(List.of(Side.SERVER, Side.CLIENT), detections.stream().map(Detection::side).toList());
        assertAll(
                () -> assertEquals(Optional.empty(), detections.getFirst().fault().side()),
                () -> assertEquals(KernelFinding.exact(ms(4500), Evidence.RST_SENT), detections.get(0).kernel().orElseThrow()),
                () -> assertEquals(KernelFinding.exact(ms(4499), Evidence.TIMED_OUT), detections.get(1).kernel().orElseThrow(),
                        "the client's ETIMEDOUT came first; the server's RST never reached it"),
                () -> assertEquals("Connection timed out", detections.get(1).app().orElseThrow().message()));
    }

    @Test
    void aSampledClosedStateIsEvidenceWithTheSamplingPeriodAsItsRange() {
        var d = new Events().settings(Events.readClose())
                .act(500, new Action.Close()).segment(500.1, Direction.C2S, SegmentKind.FIN)
                .app(501, Side.SERVER, AppEventType.EOF).app(501.1, Side.SERVER, AppEventType.CLOSED)
                .state(540, Side.SERVER, TcpState.CLOSED)
                .explain().detections().getFirst();

        assertAll(
                () -> assertEquals(new KernelFinding(ms(540), ms(540) - Events.PERIOD, ms(540), Evidence.CLOSED_SAMPLED),
                        d.kernel().orElseThrow()),
                () -> assertEquals(AppEventType.EOF, d.app().orElseThrow().event(), "the EOF before its own close"));
    }

    @Test
    void aReadOnceServerThatNeverReadsLearnsNothingAfterItsKernelClosed() {
        var events = new Events()
                .act(1000, new Action.Kill()).segment(1000.5, Direction.C2S, SegmentKind.FIN)
                .state(1020, Side.SERVER, TcpState.CLOSE_WAIT)
                .segment(6000, Direction.S2C, SegmentKind.KEEPALIVE).segment(6000.02, Direction.C2S, SegmentKind.RST)
                .state(6020, Side.SERVER, TcpState.CLOSED);
        var explanation = events.explain();
        var d = explanation.detections().getFirst();

        assertAll(
                () -> assertEquals(Evidence.RST_RECEIVED, d.kernel().orElseThrow().evidence()),
                () -> assertEquals(Optional.empty(), d.app()),
                () -> assertTrue(explanation.story().text().contains("The server's kernel ended the connection at 6.000 s "
                        + "(it received a RST), but its application never learned: it never reads again, so nothing "
                        + "tells it."), explanation.story()::text),
                () -> assertEquals("server's kernel knew after 5.00 s: it received a RST; its application never learned",
                        d.summary()));
    }

    @Test
    void aForgetHitsNoSideAndAHalfCloseLeavesTheServerToLearn() {
        var forgot = new Events().act(100, new Action.SeverIdle(8, IdleMode.DROP))
                .act(8200, new Action.Forget(IdleMode.DROP)).explain().detections();
        var halfClosed = new Events().act(500, new Action.HalfClose()).segment(500.1, Direction.C2S, SegmentKind.FIN)
                .app(501, Side.SERVER, AppEventType.EOF).explain().detections();

        assertAll(
                () -> assertEquals(List.of(Side.SERVER, Side.CLIENT), forgot.stream().map(Detection::side).toList()),
                () -> assertEquals("sever-idle", forgot.getFirst().fault().name()),
                () -> assertEquals(ms(8200), forgot.getFirst().fault().t(), "when it fired, not when it was armed"),
                () -> assertEquals(List.of(Side.SERVER), halfClosed.stream().map(Detection::side).toList()),
                () -> assertEquals(AppEventType.EOF, halfClosed.getFirst().app().orElseThrow().event()));
    }

    @Test
    void aServerSideFaultLeavesTheClientToLearn() {
        var d = new Events().act(500, new Action.Kill(Side.SERVER)).segment(500.1, Direction.S2C, SegmentKind.FIN)
                .app(501, Side.CLIENT, AppEventType.EOF).explain().detections();

        assertEquals(List.of(Side.CLIENT), d.stream().map(Detection::side).toList());
        assertEquals("client learned after 1 ms: EOF", d.getFirst().summary());
    }

    @Test
    void nothingBeforeTheFaultCountsAndAConnectionWithoutOneHasNoRecord() {
        assertEquals(List.of(), new Events().answeredProbe(100, Direction.S2C).explain().detections());
        var d = new Events().app(100, Side.SERVER, AppEventType.ERROR, 0, "Connection reset")
                .act(500, new Action.Abort()).explain().detections().getFirst();
        assertEquals(Optional.empty(), d.app());
        assertEquals("server learned nothing", d.summary());
    }

    @Test
    void aSideThatAbortsDuringASeverHasNoRecordAndAForgedRstIsReceivedNotSent() {
        var aborted = new Events().act(500, Events.severBoth()).act(1000, new Action.Abort())
                .rst(1000.5, Direction.C2S, TcpFlags.RST | TcpFlags.ACK, true)
                .app(1001, Side.CLIENT, AppEventType.CLOSED, 0, "aborted: SO_LINGER 0").act(1500, new Action.Restore())
                .segment(3300, Direction.S2C, SegmentKind.KEEPALIVE).rst(3300.02, Direction.C2S, TcpFlags.RST, false)
                .app(3301, Side.SERVER, AppEventType.ERROR, 0, "Connection reset").explain().detections();
        assertEquals(List.of(Side.SERVER), aborted.stream().map(Detection::side).toList(), "the client acted: it learned nothing");
        var forged = new Events().act(300, new Action.SeverIdle(8, IdleMode.RESET)).act(8300, new Action.Forget(IdleMode.RESET))
                .dropped(12000, Direction.S2C, SegmentKind.KEEPALIVE)
                .rst(12010, Direction.C2S, TcpFlags.RST, false).rst(12011, Direction.S2C, TcpFlags.RST, false)
                .explain().detections();
        assertEquals(List.of(KernelFinding.exact(ms(12010), KernelFinding.Evidence.RST_RECEIVED),
                        KernelFinding.exact(ms(12011), KernelFinding.Evidence.RST_RECEIVED)),
                forged.stream().map(d -> d.kernel().orElseThrow()).toList(), "server, then client: each received one");
    }
}
