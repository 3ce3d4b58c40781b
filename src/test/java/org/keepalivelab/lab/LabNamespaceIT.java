package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;

/**
 * Root's lab with {@code --sysctl} (docs/privileges.md): it runs again in a network namespace of its own, sets
 * the sysctl there and never on the host, and tshark, capturing inside that namespace, sees what the lab saw.
 *
 * <p>The run: the server's write of 1000 bytes crosses a sever with {@code tcp_retries2} lowered to 5. The
 * kernel sends the tail loss probe ({@code tcp_schedule_loss_probe}, {@code net/ipv4/tcp_output.c}), then
 * retransmits on each retransmission timeout, doubling it, and gives up at the first timeout that fires at
 * least {@code tcp_model_timeout(5)} after the first transmission ({@code retransmits_timed_out},
 * {@code net/ipv4/tcp_timer.c}): {@code ((2 << 5) - 1) × TCP_RTO_MIN} = 63 × 200 ms = 12.6 s. On loopback the
 * timeout is {@code TCP_RTO_MIN} plus a few microseconds, so the kernel retransmits five times after the probe
 * (after 0.2, 0.4, 0.8, 1.6, 3.2 s) and the sixth timeout, 6.4 s later, ends the connection: ETIMEDOUT.
 */
class LabNamespaceIT {
    /** {@code TCP_RTO_MIN} ({@code include/net/tcp.h}: {@code HZ / 5}). */
    private static final double RTO_MIN_S = 0.2;
    /** {@code tcp_model_timeout(sk, 5, TCP_RTO_MIN)}: {@code ((2 << 5) - 1) × TCP_RTO_MIN}. */
    private static final double MODEL_TIMEOUT_S = 63 * RTO_MIN_S;
    /** Retransmission timeouts until the kernel gives up, the last of which sends nothing. */
    private static final int TIMEOUTS = 6;
    /** Segments the server sends after the sever: the data, the tail loss probe, five retransmissions. */
    private static final List<String> RETRANSMITTED = List.of("s2c DATA dropped",
            "s2c RETRANSMISSION dropped", "s2c RETRANSMISSION dropped", "s2c RETRANSMISSION dropped",
            "s2c RETRANSMISSION dropped", "s2c RETRANSMISSION dropped", "s2c RETRANSMISSION dropped");
    private static final Path HOST_RETRIES2 = Path.of("/proc/sys/net/ipv4/tcp_retries2");

    @RegisterExtension
    static final UnprivilegedLab.Installation INSTALLED = UnprivilegedLab.Installation.ofProgram();

    @Test
    void dataInFlightAcrossASeverTimesOutAfterTheLabsOwnRetries2AndTsharkInItsNamespaceAgrees() throws Exception {
        String hostBefore = Files.readString(HOST_RETRIES2).strip();
        // The script waits 6 s before connecting: time for tshark to start capturing in the lab's namespace,
        // also while the other integration tests load the machine.
        var run = INSTALLED.lab().startAsRoot("--sysctl", "tcp_retries2=5", "--server-keepalive", "off",
                "--at", "6s:connect", "--at", "6.2s:send 5", "--at", "6.5s:sever", "--at", "7s:reply 1000",
                "--until", "closed", "--timeout", "40s");
        Process tshark = null;
        long capturingSince;
        String insideDuring;
        String hostDuring;
        var theirs = run.out().resolveSibling(run.out().getFileName() + ".tshark.pcap");
        try {
            UnprivilegedUserIT.awaitUntil(Duration.ofSeconds(60), "the lab to start in its namespace",
                    () -> Files.readString(run.stdout()).contains("Lab server on") || !run.process().isAlive());
            if (!run.process().isAlive()) {
                throw new AssertionError("The lab ended before its script: " + Files.readString(run.stdout())
                        + Files.readString(run.stderr()));
            }
            var child = run.process().toHandle().children().findFirst().orElseThrow();
            String namespace = "--net=/proc/" + child.pid() + "/ns/net";
            tshark = startTshark(namespace, theirs);
            capturingSince = System.currentTimeMillis() * 1_000_000;
            insideDuring = output("nsenter", namespace, "cat", HOST_RETRIES2.toString());
            hostDuring = Files.readString(HOST_RETRIES2).strip();
        } catch (IOException | RuntimeException | InterruptedException | AssertionError e) {
            run.process().descendants().forEach(ProcessHandle::destroyForcibly);
            run.process().destroyForcibly();
            if (tshark != null) {
                tshark.destroyForcibly();
            }
            throw e;
        }
        var result = UnprivilegedLab.await(run);
        stop(tshark);

        var transcript = result.log().transcript();
        long start = (long) result.log().header().get("startEpochNanos");
        int port = Math.toIntExact((long) result.log().header().get("serverPort"));
        var ours = transcript.segments(1).toList();
        var frames = tsharkRetransmissions(theirs, port, start + transcript.events().getLast().t());
        long firstSend = transcript.kinds(1, Direction.S2C, SegmentKind.DATA).getLast().t();
        var retransmissions = transcript.kinds(1, Direction.S2C, SegmentKind.RETRANSMISSION).stream()
                .mapToLong(SegmentEvent::t).toArray();
        var error = transcript.app(1, Side.SERVER).getLast();
        long connected = start + transcript.action(1, "connect").t();
        assertTrue(capturingSince < connected, () -> String.format("tshark began capturing %.1f s after the lab's "
                + "connect: the script must wait longer", (capturingSince - connected) / 1e9));
        assertAll(
                () -> assertEquals(0, result.status(), result::stderr),
                () -> assertEquals("Private network namespace (privileged, for --sysctl): full capture and sever.",
                        result.banner()),
                () -> assertEquals("5", insideDuring, "the lab's namespace has its own tcp_retries2"),
                () -> assertEquals(hostBefore, hostDuring, "the host's tcp_retries2 during the run"),
                () -> assertEquals(hostBefore, Files.readString(HOST_RETRIES2).strip(), "the host's, after the run"),
                () -> assertEquals(RETRANSMITTED, transcript.segmentsAfter(1, "reply")),
                () -> assertEquals("Connection timed out", error.message()),
                () -> assertEquals(ours.size(), frames.size(), "tshark saw every segment the lab saw, and no other, while the lab ran"),
                () -> assertEquals(ours.stream().map(s -> s.kind() == SegmentKind.RETRANSMISSION).toList(), frames,
                        "frame by frame: retransmission, ours vs tshark's"),
                () -> assertBacksOff(retransmissions, error.t(), firstSend));
    }

    /**
     * Each retransmission timeout doubles the one before. A timer fires at the boundary of its timer-wheel
     * bucket, never early (kernel/time/timer.c): a timeout of {@code R × 2^k} lasts at least that, where
     * {@code R >= TCP_RTO_MIN}, and at most {@code R × 2^k} plus its bucket, with {@code R} no more than the
     * first measured timeout. Buckets at HZ = 1000, the coarsest of every HZ for these lengths: 8 ms up to
     * 511 ms, 64 ms up to 4.1 s, 512 ms up to 32.8 s.
     */
    private static void assertBacksOff(long[] retransmissions, long timedOut, long firstSend) {
        var ends = new ArrayList<Long>();
        for (long t : retransmissions) {
            ends.add(t);
        }
        ends.add(timedOut); // the last timeout retransmits nothing: it ends the connection
        double firstTimeout = (ends.get(1) - ends.get(0)) / 1e9;
        for (int k = 0; k < TIMEOUTS; k++) {
            double expected = Math.pow(2, k);
            double measured = (ends.get(k + 1) - ends.get(k)) / 1e9;
            double lowest = RTO_MIN_S * expected;
            double highest = firstTimeout * expected + bucket(firstTimeout * expected);
            assertTrue(measured >= lowest && measured <= highest, String.format(
                    "timeout %d lasted %.3f s: between %.3f and %.3f s", k + 1, measured, lowest, highest));
        }
        double elapsed = (timedOut - firstSend) / 1e9;
        assertTrue(elapsed >= MODEL_TIMEOUT_S, String.format("ETIMEDOUT %.3f s after the first transmission, "
                + "never before tcp_model_timeout's %.1f s", elapsed, MODEL_TIMEOUT_S));
    }

    private static double bucket(double seconds) {
        return seconds < 0.512 ? 0.008 : seconds < 4.096 ? 0.064 : 0.512;
    }

    /** Starts tshark in the lab's network namespace, writing {@code pcap}, and returns once it captures. */
    private static Process startTshark(String namespace, Path pcap) throws IOException {
        var tshark = new ProcessBuilder("nsenter", namespace, "tshark", "-i", "lo", "-w", pcap.toString())
                .redirectErrorStream(true).start();
        var output = new BufferedReader(new InputStreamReader(tshark.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.contains("Capturing on")) {
                Thread.ofPlatform().daemon().start(() -> output.lines().forEach(ignored -> { })); // its progress
                return tshark;
            }
        }
        throw new IOException("tshark did not start capturing in " + namespace + " (is it installed? apt-get install tshark)");
    }

    private static void stop(Process tshark) throws InterruptedException {
        tshark.destroy(); // SIGTERM: tshark finishes the file
        if (!tshark.waitFor(10, TimeUnit.SECONDS)) {
            tshark.destroyForcibly();
        }
    }

    /**
     * Per frame of the lab's connection (TCP port {@code port}) until {@code untilEpochNanos}: whether tshark
     * calls it a retransmission. Later frames are the lab closing its sockets once its exports are written.
     */
    private static List<Boolean> tsharkRetransmissions(Path pcap, int port, long untilEpochNanos)
            throws IOException, InterruptedException {
        var lines = output("tshark", "-r", pcap.toString(), "-Y", "tcp.port == " + port, "-T", "fields",
                "-e", "frame.time_epoch", "-e", "tcp.analysis.retransmission").lines();
        return lines.map(line -> line.split("\t", -1))
                .filter(fields -> new BigDecimal(fields[0]).movePointRight(9).longValueExact() <= untilEpochNanos)
                .map(fields -> fields.length > 1 && !fields[1].isBlank()).toList();
    }

    private static String output(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command));
        return text.strip();
    }
}
