package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;

/**
 * Correctness at size: two hundred clients killed at once each end with the kill's exact segment
 * sequence, and the capture loses nothing (LabRun fails a run in which the kernel dropped a packet);
 * fifty closed at once all end cleanly, however many of their sockets the loop closes in one round
 * (LabRun fails a run whose loop failed).
 */
class ScaleTest {
    private static final int CONNECTIONS = 200;

    @Test
    void twoHundredClientsKilledAtOnceAllEndWithTheKillSequence() throws Exception {
        // Probes every 2 s, orphans live 3 s: each connection's first probe is answered, its second draws RST.
        var run = LabRun.untilClosed(LabRun.seedWith(KeepaliveSettings.of(2, 2, KeepaliveSettings.KERNEL_DEFAULT_COUNT))
                        .withOrphanLifetime(3),
                "0s:connect " + CONNECTIONS, "0.5s:send 5@all", "1.5s:kill@all");

        var expected = List.of("c2s FIN", "s2c ACK", "s2c KEEPALIVE", "c2s KEEPALIVE_ACK", "s2c KEEPALIVE", "c2s RST");
        var wrong = new ArrayList<String>();
        for (int conn = 1; conn <= CONNECTIONS; conn++) {
            var after = run.segmentsAfter(conn, "kill");
            var server = run.appTypes(conn, Side.SERVER);
            if (!after.equals(expected) || server.getLast() != AppEventType.EOF) {
                wrong.add("connection " + conn + ": " + after + ", server " + server);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void fiftyClientsClosedAtOnceAllEndCleanly() throws Exception {
        // The read-close server closes its socket in the same round it reads EOF, for many sockets at once.
        var run = LabRun.untilClosed(LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE),
                "0s:connect 50", "0.3s:send 5@all", "0.6s:close@all");

        var ends = List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF, AppEventType.CLOSED);
        var wrong = new ArrayList<String>();
        for (int conn = 1; conn <= 50; conn++) {
            if (!run.appTypes(conn, Side.SERVER).equals(ends)) {
                wrong.add("connection " + conn + ": server " + run.appTypes(conn, Side.SERVER));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void closingHalfWhileTheOtherHalfGetRepliesLeavesTheOtherHalfOpen() throws Exception {
        // Closing sockets in a round of the loop makes it select again; what that reports must not
        // read as an end of stream on the connections that stay open.
        var steps = new ArrayList<String>(List.of("0s:connect 40", "0.3s:send 5@all"));
        for (int conn = 1; conn <= 40; conn++) {
            steps.add(conn <= 20 ? "0.6s:close@" + conn : "0.6s:reply 5@" + conn);
        }
        var run = LabRun.until(Duration.ofSeconds(2), LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE),
                steps.toArray(String[]::new));

        var open = List.of(AppEventType.CONNECTED, AppEventType.WRITE, AppEventType.READ);
        var wrong = new ArrayList<String>();
        for (int conn = 21; conn <= 40; conn++) {
            if (!run.appTypes(conn, Side.CLIENT).equals(open)) {
                wrong.add("connection " + conn + ": client " + run.appTypes(conn, Side.CLIENT));
            }
        }
        assertEquals(List.of(), wrong);
    }
}
