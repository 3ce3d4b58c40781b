package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;

/**
 * An ordinary user's lab (docs/privileges.md): the packaged program, run as nobody, relaunches itself in a
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

    /**
     * The lab's own sysctls, set in its user and network namespace before it starts: the header records them,
     * and they are in force, as the kernel's count of a server keep-alive that leaves the count to it (3,
     * not the host's) shows across a sever.
     */
    @Test
    void sysctlsAreSetInThePrivateNamespaceAndTheHeaderRecordsThem() throws Exception {
        var run = INSTALLED.lab().run("--sysctl", "tcp_keepalive_probes=3", "--sysctl", "net.ipv4.tcp_retries2=6",
                "--sysctl", "tcp_fin_timeout=9", "--sysctl", "tcp_keepalive_time=600", "--sysctl", "tcp_keepalive_intvl=30",
                "--sysctl", "tcp_orphan_retries=2", "--sysctl", "tcp_syn_retries=3",
                "--server-keepalive", "1,1", "--at", "0s:connect", "--at", "0.2s:send 5", "--at", "0.5s:sever");

        assertAll(
                () -> assertEquals(0, run.status(), run::stderr),
                () -> assertEquals(PRIVATE_BANNER, run.banner()),
                () -> assertEquals(Map.of("net.ipv4.tcp_keepalive_time", 600L, "net.ipv4.tcp_keepalive_intvl", 30L,
                        "net.ipv4.tcp_keepalive_probes", 3L, "net.ipv4.tcp_retries2", 6L, "net.ipv4.tcp_fin_timeout", 9L,
                        "net.ipv4.tcp_orphan_retries", 2L, "net.ipv4.tcp_syn_retries", 3L), run.log().header().get("sysctl")),
                () -> assertEquals(KernelFactsTest.SEVERED, run.log().transcript().segmentsAfter(1, "sever"),
                        "three probes, the namespace's count, then RST"));
    }

    /**
     * Nothing outlives the app: whether it is asked to stop (SIGTERM, as Ctrl-C or a window manager
     * does) or killed outright (SIGKILL, which it cannot see coming), its relaunched JVM ends within
     * moments, and with it the last process in the private network namespace, which the kernel then frees.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void endingTheAppEndsItsNamespace(boolean outright) throws Exception {
        var run = INSTALLED.lab().start(List.of(), List.of(UnprivilegedLab.LAUNCHER_NATIVE_ACCESS),
                "--at", "0s:connect", "--at", "0.2s:send 5", "--until", "60s");
        try {
            awaitUntil(Duration.ofSeconds(20), "the lab to start in its namespace",
                    () -> Files.readString(run.stdout()).contains("Lab server on"));
            var child = run.process().toHandle().children().findFirst().orElseThrow();
            String namespace = Files.readSymbolicLink(Path.of("/proc", String.valueOf(child.pid()), "ns", "net")).toString();
            assertNotEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString(), namespace, "a namespace of its own");

            if (outright) {
                run.process().destroyForcibly();
            } else {
                run.process().destroy();
            }
            // at once when killed outright: the end of its pipe from the parent
            awaitUntil(Duration.ofSeconds(outright ? 2 : 5), "the relaunched JVM to end", () -> exited(child));
            assertTrue(run.process().waitFor(5, TimeUnit.SECONDS), "the app ended");
            assertEquals(List.of(), processesIn(namespace), "no process left in " + namespace);
            try (var left = Files.list(run.store())) {
                assertEquals(List.of(), left.toList(), "the relaunched JVM removed its store on its way out");
            }
        } finally {
            run.process().descendants().forEach(ProcessHandle::destroyForcibly);
            run.process().destroyForcibly();
        }
    }

    /**
     * The relaunch passes the user's home and name to the relaunched JVM through JAVA_TOOL_OPTIONS (an
     * installed launcher would take them on its command line as the program's), quoted: a home with a
     * space in it (given here on the command line) reaches that JVM whole, which would refuse the rest of
     * a split option; JavaFX, drawing the PNG there, unpacks its native libraries under it.
     */
    @Test
    void theRelaunchedJvmKeepsTheUsersHome() throws Exception {
        var home = INSTALLED.lab().writableDirectory("a home");
        var out = INSTALLED.lab().writableDirectory("png");
        var run = INSTALLED.lab().runWith(List.of(), List.of(UnprivilegedLab.LAUNCHER_NATIVE_ACCESS, "-Duser.home=" + home),
                "--at", "0s:connect", "--until", "0.3s", "--png", out.resolve("t.png").toString());

        assertAll(
                () -> assertEquals(0, run.status(), run::stderr),
                () -> assertEquals(PRIVATE_BANNER, run.banner()),
                () -> assertTrue(Files.isDirectory(home.resolve(".openjfx")), "JavaFX's cache under " + home + ": " + run.stderr()),
                () -> assertTrue(run.stderr().contains("Picked up JAVA_TOOL_OPTIONS: \"-Duser.home=" + home + "\""), run::stderr));
    }

    /**
     * True once {@code process} has exited: gone, or a zombie (which holds no namespace) waiting for its
     * new parent, the system's init, to reap it, which takes a while in some containers.
     */
    private static boolean exited(ProcessHandle process) throws IOException {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .anyMatch(line -> line.startsWith("State:") && line.contains("zombie"));
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    /** The processes whose network namespace is {@code namespace} ("net:[4026532…]"). */
    private static List<Long> processesIn(String namespace) {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "ns", "net")).toString().equals(namespace);
            } catch (IOException e) {
                return false; // gone meanwhile
            }
        }).map(ProcessHandle::pid).toList();
    }

    interface Check {
        boolean holds() throws IOException;
    }

    static void awaitUntil(Duration timeout, String what, Check check) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
