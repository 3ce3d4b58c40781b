package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.lab.Transcript.seconds;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.ui.export.PngExport;

/**
 * The lab on a system other than Linux (docs/privileges.md), as the lab takes it on macOS and Windows: real
 * sockets and what the applications see; no capture, no sever, no kernel state, and the Linux-only
 * socket options refused. Runs on Linux, in this JVM, with the lab told it is elsewhere; OtherSystemIT
 * runs the whole program that way.
 */
@Execution(ExecutionMode.CONCURRENT)
class OtherSystemLabTest {
    private static final Isolation OTHER = Isolation.otherSystem(LabRun.OTHER_SYSTEM);

    @Test
    void modeSaysApplicationEventsOnlyAndWhy() throws Exception {
        try (var lab = Lab.start(LabSettings.seed(), OTHER)) {
            int conn = lab.connect().join();
            var sever = assertThrows(ExecutionException.class, () -> lab.sever(conn, Sever.BOTH).get());
            assertAll(
                    () -> assertEquals(new LabMode(false, false, false, false, "Application events only: capture, sever "
                            + "and the kernel's socket state use Linux interfaces (AF_PACKET, socket filters, TCP_INFO), "
                            + "and this is Mac OS X 15.1. Nothing here shows when the kernel ends a connection, so a "
                            + "read-once server reads on after its first message."), lab.mode()),
                    () -> assertEquals("Capture needs Linux's AF_PACKET sockets, and this is Mac OS X 15.1: segments are "
                            + "not shown, only what the applications see.", lab.captureProblem().orElseThrow()),
                    () -> assertEquals("Sever needs a drop-all socket filter on TCP sockets (Linux's SO_ATTACH_FILTER), and "
                            + "this is Mac OS X 15.1: run Keepalive Lab on Linux to sever.", sever.getCause().getMessage()),
                    () -> assertEquals(lab.mode().banner(), PngExport.modeNote(lab), "a picture says it too"),
                    () -> assertTrue(lab.packets().isEmpty()),
                    () -> assertTrue(lab.captureStatistics().isEmpty()));
        }
    }

    @Test
    void linuxOnlySocketOptionsAreRefusedWithWhatToSet() throws Exception {
        var orphan = assertThrows(IllegalArgumentException.class,
                () -> Lab.start(LabSettings.seed().withOrphanLifetime(5), OTHER));
        assertEquals("The orphan lifetime is Linux's TCP_LINGER2, and this is Mac OS X 15.1: leave it at 0 (the system's "
                + "default).", orphan.getMessage());
        try (var lab = Lab.start(LabSettings.seed(), OTHER)) {
            var userTimeout = LabSettings.seed().withClient(SocketSettings.DEFAULT.withUserTimeout(3000));
            var refused = assertThrows(IllegalArgumentException.class, () -> lab.setSettings(userTimeout));
            assertAll(
                    () -> assertEquals("TCP_USER_TIMEOUT is a Linux socket option, and this is Mac OS X 15.1: leave it at 0 "
                            + "(off).", refused.getMessage()),
                    () -> assertEquals(LabSettings.seed(), lab.settings(), "the refused settings were not taken"),
                    () -> assertEquals("TCP_USER_TIMEOUT and the orphan lifetime (TCP_LINGER2) are Linux socket options, "
                            + "and this is Mac OS X 15.1.", lab.linuxOptionsProblem().orElseThrow()));
        }
        Lab.checkOffered(LabSettings.seed().withOrphanLifetime(5), Isolation.HOST); // Linux offers them
    }

    /**
     * The seed's kill: the server's next read comes when its socket turns readable, which the client's
     * FIN makes it at once; nothing of the kernel is recorded.
     */
    @Test
    void killedClientsFinReachesTheReadOnceServerAsEof() throws Exception {
        var run = LabRun.onOtherSystem(LabRun.seedWith(KeepaliveSettings.of(1, 1, 3)),
                "0s:connect", "0.2s:send 5", "0.5s:kill");

        var eof = run.app(1, Side.SERVER).getLast();
        assertAll(
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.WRITE), run.appTypes(1, Side.CLIENT)),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF),
                        run.appTypes(1, Side.SERVER)),
                () -> assertEquals(5, run.bytes(1, Side.SERVER, AppEventType.READ)),
                () -> assertEquals(0, seconds(run.action(1, "kill").t(), eof.t()), 0.3),
                () -> assertEquals(0, run.segments(1).count(), "nothing captured"),
                () -> assertTrue(run.events().stream().noneMatch(StateEvent.class::isInstance), "no kernel state"));
    }

    @Test
    void abortedClientsRstFailsTheServersRead() throws Exception {
        var run = LabRun.onOtherSystem(LabSettings.seed(), "0s:connect", "0.2s:send 5", "0.5s:abort");

        var error = run.app(1, Side.SERVER).getLast();
        assertAll(
                () -> assertEquals(AppEventType.ERROR, error.event()),
                () -> assertEquals("Connection reset", error.message()),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.WRITE, AppEventType.CLOSED),
                        run.appTypes(1, Side.CLIENT)));
    }

    @Test
    void gracefulCloseEndsBothApplications() throws Exception {
        var run = LabRun.onOtherSystem(LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE),
                "0s:connect", "0.2s:send 5", "0.5s:close");

        assertAll(
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.WRITE, AppEventType.EOF, AppEventType.CLOSED),
                        run.appTypes(1, Side.CLIENT)),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF, AppEventType.CLOSED),
                        run.appTypes(1, Side.SERVER)));
    }
}
