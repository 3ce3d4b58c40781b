package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.lab.Transcript.seconds;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * An ordinary user's lab without a namespace of its own ({@code --no-namespace}, or the system
 * refuses one): real sockets, application events and kernel state, probes inferred from
 * {@code TCP_INFO}, sever refused with the reason and what would enable it.
 */
@Execution(ExecutionMode.CONCURRENT)
class LimitedModeIT {
    @RegisterExtension
    static final UnprivilegedLab.Installation INSTALLED = UnprivilegedLab.Installation.ofProgram();

    @Test
    void severIsRefusedWithTheCapabilityAndWhatWouldEnableIt() throws Exception {
        var run = INSTALLED.lab().run("--no-namespace", "--server-keepalive", "1,1,3", "--at", "0s:connect", "--at", "0.2s:send 5",
                "--at", "0.5s:sever");

        var transcript = run.log().transcript();
        assertAll(
                () -> assertEquals(3, run.status(), "the lab could not do a step"),
                () -> assertEquals("Limited mode, no capture and no sever: application events and kernel state only, "
                        + "keep-alive probes inferred from TCP_INFO (--no-namespace, and this process lacks CAP_NET_RAW "
                        + "and CAP_NET_ADMIN).", run.banner()),
                () -> assertTrue(run.stderr().contains("Sever needs CAP_NET_ADMIN in the lab's network namespace")
                        && run.stderr().contains("run Keepalive Lab without --no-namespace"), run::stderr),
                () -> assertEquals(false, run.log().header().get("privateNamespace")),
                () -> assertTrue(((String) run.log().header().get("sever")).startsWith("Sever needs CAP_NET_ADMIN")),
                () -> assertEquals(0, transcript.segments(1).count(), "nothing captured"),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.WRITE), transcript.appTypes(1, Side.CLIENT)),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ), transcript.appTypes(1, Side.SERVER)));
    }

    /**
     * What the probe count shows on this kernel (6.18) without a capture: a probe answered by the
     * killed client's orphan resets the count within microseconds, before any 20 ms sample, so those
     * probes leave no trace; the probe answered by RST, once the orphan expired, leaves the count at 1
     * on the closed socket: one inferred probe, when the server's socket closes.
     */
    @Test
    void killedClientsLastProbeIsInferredFromTheProbeCount() throws Exception {
        var run = INSTALLED.lab().run("--no-namespace", "--server-keepalive", "1,1,3", "--orphan-lifetime", "3",
                "--at", "0s:connect", "--at", "0.2s:send 5", "--at", "1s:kill");

        var transcript = run.log().transcript();
        var closed = transcript.lastState(1, Side.SERVER);
        assertAll(
                () -> assertEquals(0, run.status(), run::stderr),
                () -> assertEquals(List.of("s2c KEEPALIVE inferred"),
                        transcript.segments(1).map(s -> Transcript.describe(s) + (s.inferred() ? " inferred" : "")).toList()),
                () -> assertEquals(TcpState.CLOSED, closed.state()),
                () -> assertEquals(1, closed.probes()),
                () -> assertEquals(0, seconds(closed.t(), transcript.segments(1).findFirst().orElseThrow().t()), 0.05),
                () -> assertTrue(transcript.states(1, Side.SERVER).stream().anyMatch(s -> s.state() == TcpState.CLOSE_WAIT)),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF),
                        transcript.appTypes(1, Side.SERVER)));
    }

    @Test
    void namespaceThatGrantsNothingLeavesTheLabHereInLimitedMode() throws Exception {
        // An unshare that runs the command in no namespace at all, as a system that lets unshare make
        // one but takes the capabilities in it away: the relaunched program finds nothing granted,
        // exits with its own status, and the first one runs the lab.
        var unshare = INSTALLED.lab().bin("unshare", """
                #!/bin/sh
                while [ $# -gt 0 ]; do case "$1" in --) shift; break;; --*) shift;; *) break;; esac; done
                exec "$@"
                """);
        var run = INSTALLED.lab().runWithin(List.of("env", "PATH=" + unshare + ":/usr/bin:/bin"), "--server-keepalive", "1,1,3",
                "--at", "0s:connect", "--at", "0.2s:send 5", "--until", "0.5s");

        assertAll(
                () -> assertEquals(0, run.status(), run::stderr),
                () -> assertEquals("Limited mode, no capture and no sever: application events and kernel state only, "
                        + "keep-alive probes inferred from TCP_INFO (no usable private network namespace: unshare made "
                        + "one, but the kernel granted no CAP_NET_RAW and CAP_NET_ADMIN in it).", run.banner()),
                () -> assertEquals(1, run.stdout().stream().filter(line -> line.startsWith("Lab server on")).count(),
                        "the lab ran once, here: " + run.stdout()),
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ),
                        run.log().transcript().appTypes(1, Side.SERVER)));
    }

    @Test
    void refusedNamespaceIsNamedInTheBannerAndTheRefusal() throws Exception {
        // Inside a user namespace where nobody has no mapping, the kernel refuses a nested one, as a
        // restricted system refuses the first: unshare fails and the lab stays here.
        var run = INSTALLED.lab().runWithin(List.of("unshare", "--user", "--"), "--server-keepalive", "1,1,3",
                "--at", "0s:connect", "--at", "0.2s:send 5", "--at", "0.5s:sever");

        assertAll(
                () -> assertEquals(3, run.status()),
                () -> assertTrue(run.banner().startsWith("Limited mode, no capture and no sever: ")
                        && run.banner().contains("(no usable private network namespace: unshare: "), run::banner),
                () -> assertTrue(run.stderr().contains("no usable private network namespace could be made")
                        && run.stderr().contains("allow unprivileged user namespaces (see docs/privileges.md)"), run::stderr),
                () -> assertEquals(false, run.log().header().get("privateNamespace")));
    }
}
