package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.lab.Transcript.seconds;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;

/**
 * The gallery's data-in-flight on the real kernel, as the program runs it ({@code --scenario
 * data-in-flight}): root's lab runs again in a network namespace of its own for the scenario's
 * {@code tcp_retries2=5}. A write crosses a sever: retransmissions, no keep-alive although the client's is
 * on, ETIMEDOUT at the first retransmission timeout after {@code tcp_model_timeout(5)} = 63 × 200 ms =
 * 12.6 s (as {@code LabNamespaceIT} pins it for the server); beside it {@code TCP_USER_TIMEOUT} 3 s gives up
 * at the first timeout after 3 s ({@code tcp_write_timeout}, {@code net/ipv4/tcp_timer.c}).
 */
class DataInFlightScenarioIT {
    @RegisterExtension
    static final UnprivilegedLab.Installation INSTALLED = UnprivilegedLab.Installation.ofProgram();

    @Test
    void retransmissionsWithoutKeepaliveThenEtimedoutAfterTheLabsRetries2OrTheUserTimeout() throws Exception {
        var result = UnprivilegedLab.await(INSTALLED.lab().startAsRoot("--scenario", "data-in-flight"));
        var run = result.log().transcript();
        long write1 = run.kinds(1, Direction.C2S, SegmentKind.DATA).getLast().t();
        long write2 = run.kinds(2, Direction.C2S, SegmentKind.DATA).getLast().t();
        var error1 = run.app(1, Side.CLIENT).getLast();
        var error2 = run.app(2, Side.CLIENT).getLast();
        assertAll(
                () -> assertEquals(0, result.status(), result::stderr),
                () -> assertTrue(result.stdout().getFirst().contains("for --sysctl"), "in a namespace of its own for "
                        + "the scenario's sysctl: " + result.stdout().getFirst()),
                () -> assertEquals(List.of(), run.kinds(1, Direction.C2S, SegmentKind.KEEPALIVE), "no keep-alive at all"),
                () -> assertEquals(List.of(), run.kinds(2, Direction.C2S, SegmentKind.KEEPALIVE)),
                () -> assertEquals(6, run.kinds(1, Direction.C2S, SegmentKind.RETRANSMISSION).size(),
                        "the tail loss probe and five retransmissions"),
                () -> assertEquals("Connection timed out", error1.message()),
                () -> assertEquals("Connection timed out", error2.message()),
                // the sixth timeout, 12.6 s after the tail loss probe's 0.2 s (6.4 s after the last retransmission)
                () -> assertTrue(seconds(write1, error1.t()) >= 12.6 && seconds(write1, error1.t()) <= 13.8,
                        "tcp_retries2 5: " + seconds(write1, error1.t())),
                () -> assertTrue(seconds(write2, error2.t()) >= 3.0 && seconds(write2, error2.t()) <= 3.9,
                        "user timeout 3 s: " + seconds(write2, error2.t())),
                () -> assertTrue(result.stdout().stream().anyMatch(l -> l.contains("giving up after tcp_retries2 = 5")),
                        () -> String.join("\n", result.stdout())),
                () -> assertTrue(result.stdout().stream().anyMatch(l -> l.contains("It was TCP_USER_TIMEOUT (3000 ms) "
                        + "that ended the retransmissions")), () -> String.join("\n", result.stdout())));
    }
}
