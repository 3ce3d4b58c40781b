package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;

/**
 * An ordinary user's lab (DESIGN.md 5): the packaged program, run as nobody, relaunches itself in a
 * private user and network namespace and captures and severs exactly as root does in
 * {@link KernelFactsTest}.
 */
@Execution(ExecutionMode.CONCURRENT)
class UnprivilegedUserIT {
    private static final String PRIVATE_BANNER = "Private network namespace (unprivileged): full capture and sever.";

    @RegisterExtension
    static final UnprivilegedLab.Installation INSTALLED = UnprivilegedLab.Installation.ofProgram();

    @Test
    void severInThePrivateNamespaceDropsTheProbesAndTheRst() throws Exception {
        var run = INSTALLED.lab().run("--server-keepalive", "1,1,3", "--at", "0s:connect", "--at", "0.2s:send 5", "--at", "0.5s:sever");

        var transcript = run.log().transcript();
        assertAll(
                () -> assertEquals(0, run.status(), run::stderr),
                () -> assertEquals(PRIVATE_BANNER, run.banner()),
                () -> assertEquals(true, run.log().header().get("privateNamespace")),
                () -> assertEquals(KernelFactsTest.SEVERED, transcript.segmentsAfter(1, "sever")),
                () -> assertEquals("Connection timed out", transcript.app(1, Side.SERVER).getLast().message()));
    }

    @Test
    void killedClientInThePrivateNamespaceIsProbedUntilItsOrphanExpires() throws Exception {
        var run = INSTALLED.lab().run("--server-keepalive", "2,2", "--orphan-lifetime", "5",
                "--at", "0s:connect", "--at", "0.2s:send 5", "--at", "1s:kill");

        var transcript = run.log().transcript();
        assertAll(
                () -> assertEquals(0, run.status(), run::stderr),
                () -> assertEquals(PRIVATE_BANNER, run.banner()),
                () -> assertEquals(KernelFactsTest.KILLED, transcript.segmentsAfter(1, "kill")),
                () -> assertTrue(transcript.segments(1).noneMatch(s -> s.inferred()), "captured, not inferred"),
                () -> assertEquals(AppEventType.EOF, transcript.app(1, Side.SERVER).getLast().event()));
    }
}
