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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
    /**
     * How much later than its bucket a retransmission may go out on the suite's loaded two cores: the timer's
     * softirq may wait for ksoftirqd, and the timer waits for the socket's lock when the lab's loop holds it
     * (it reads TCP_INFO every 20 ms), as tcp_write_timer defers to release_sock (net/ipv4/tcp_timer.c).
     */
    private static final double RUN_LATE_S = 0.020;

    @RegisterExtension
    static final UnprivilegedLab.Installation INSTALLED = UnprivilegedLab.Installation.ofProgram();

    @Test
    void dataInFlightAcrossASeverTimesOutAfterTheLabsOwnRetries2AndTsharkInItsNamespaceAgrees() throws Exception {
        String hostBefore = Files.readString(HOST_RETRIES2).strip();
        var run = INSTALLED.lab().startAsRoot("--sysctl", "tcp_retries2=5", "--server-keepalive", "off",
                "--at", "1s:connect", "--at", "1.2s:send 5", "--at", "1.5s:sever", "--at", "2s:reply 1000",
                "--until", "closed", "--timeout", "40s");
        LiveTshark tshark = null;
        long capturingSince;
        String insideDuring;
        String hostDuring;
        try {
            // The relaunched JVM is held (SIGSTOP) as soon as its namespace exists, until tshark captures in it:
            // however loaded the machine, the capture runs before the lab starts.
            String ownNamespace = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            // The relaunched JVM, once unshare has made its namespace and become it (not unshare's trial run).
            Predicate<ProcessHandle> relaunched = child -> !ownNamespace.equals(netNamespace(child))
                    && child.info().command().orElse("").endsWith("/java");
            UnprivilegedUserIT.awaitUntil(Duration.ofSeconds(60), "the lab's own network namespace",
                    () -> !run.process().isAlive() || run.process().toHandle().children().anyMatch(relaunched));
            var child = run.process().toHandle().children().filter(relaunched).findFirst()
                    .orElseThrow(() -> new AssertionError("The lab ended before its namespace: " + read(run)));
            String namespace = "--net=/proc/" + child.pid() + "/ns/net";
            output("kill", "-STOP", String.valueOf(child.pid()));
            try {
                output("nsenter", namespace, "ip", "link", "set", "lo", "up"); // as the lab does, a moment early
                tshark = LiveTshark.start(namespace);
                capturingSince = tshark.awaitCapturing(namespace);
            } finally {
                output("kill", "-CONT", String.valueOf(child.pid()));
            }
            UnprivilegedUserIT.awaitUntil(Duration.ofSeconds(60), "the lab to start in its namespace",
                    () -> Files.readString(run.stdout()).contains("Lab server on") || !run.process().isAlive());
            insideDuring = output("nsenter", namespace, "cat", HOST_RETRIES2.toString());
            hostDuring = Files.readString(HOST_RETRIES2).strip();
        } catch (IOException | RuntimeException | InterruptedException | AssertionError e) {
            run.process().descendants().forEach(ProcessHandle::destroyForcibly);
            run.process().destroyForcibly();
            if (tshark != null) {
                tshark.process.destroyForcibly();
            }
            throw e;
        }
        var result = UnprivilegedLab.await(run);
        tshark.stop();

        var transcript = result.log().transcript();
        long start = (long) result.log().header().get("startEpochNanos");
        int port = Math.toIntExact((long) result.log().header().get("serverPort"));
        var ours = transcript.segments(1).toList();
        var frames = tshark.retransmissions(port, start + transcript.events().getLast().t());
        long firstSend = transcript.kinds(1, Direction.S2C, SegmentKind.DATA).getLast().t();
        var retransmissions = transcript.kinds(1, Direction.S2C, SegmentKind.RETRANSMISSION).stream()
                .mapToLong(SegmentEvent::t).toArray();
        var error = transcript.app(1, Side.SERVER).getLast();
        long connected = start + transcript.action(1, "connect").t();
        assertTrue(capturingSince < connected, "tshark captured before the lab's connect");
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
     * first measured timeout, plus {@link #RUN_LATE_S}.
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
            double highest = firstTimeout * expected + bucket(firstTimeout * expected) + RUN_LATE_S;
            assertTrue(measured >= lowest && measured <= highest, String.format(
                    "timeout %d lasted %.3f s: between %.3f and %.3f s", k + 1, measured, lowest, highest));
        }
        double elapsed = (timedOut - firstSend) / 1e9;
        assertTrue(elapsed >= MODEL_TIMEOUT_S, String.format("ETIMEDOUT %.3f s after the first transmission, "
                + "never before tcp_model_timeout's %.1f s", elapsed, MODEL_TIMEOUT_S));
    }

    /**
     * The timer wheel's granularity for a timer {@code seconds} long, the coarsest of the kernel's HZ
     * choices (100, 250, 300, 1000: kernel/Kconfig.hz), as the test cannot read HZ: level {@code n} of the
     * wheel holds timers from {@code 63 << 3(n - 1)} jiffies and fires them on {@code 8^n}-jiffy boundaries
     * ({@code LVL_CLK_SHIFT} 3, {@code LVL_BITS} 6, {@code LVL_START} in kernel/time/timer.c).
     */
    private static double bucket(double seconds) {
        double coarsest = 0;
        for (int hz : new int[] {100, 250, 300, 1000}) {
            long jiffies = Math.round(seconds * hz);
            int level = 0;
            while (jiffies >= 63L << (3 * level)) {
                level++;
            }
            coarsest = Math.max(coarsest, Math.pow(8, level) / hz);
        }
        return coarsest;
    }

    /**
     * tshark in the lab's namespace, printing each frame as it captures it (time, ports, tshark's
     * retransmission flag), analysed in one pass as it goes.
     */
    private static final class LiveTshark {
        /** The discard port: a datagram to it proves the capture runs; nothing listens. */
        private static final String PROBE_PORT = "9";

        private final Process process;
        private final List<String[]> frames = new CopyOnWriteArrayList<>();
        private final Thread reader;

        private LiveTshark(Process process) {
            this.process = process;
            var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            reader = Thread.ofPlatform().daemon().start(() -> output.lines().forEach(line -> frames.add(line.split("\t", -1))));
        }

        static LiveTshark start(String namespace) throws IOException {
            try {
                return new LiveTshark(new ProcessBuilder("nsenter", namespace, "tshark", "-i", "lo", "-l", "-n",
                        "-f", "tcp or udp dst port " + PROBE_PORT, "-T", "fields", "-e", "frame.time_epoch",
                        "-e", "tcp.port", "-e", "tcp.analysis.retransmission", "-e", "udp.dstport")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            } catch (IOException e) {
                throw new AssertionError("This test needs tshark and nsenter: apt-get install tshark util-linux", e);
            }
        }

        /**
         * Sends a datagram in the namespace until tshark prints it ("Capturing on" comes a moment before the
         * capture really runs), and returns its time on the epoch, in nanoseconds.
         */
        long awaitCapturing(String namespace) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                output("nsenter", namespace, "bash", "-c", "echo probe > /dev/udp/127.0.0.1/" + PROBE_PORT);
                Thread.sleep(100);
                var probe = frames.stream().filter(f -> f.length > 3 && f[3].equals(PROBE_PORT)).findFirst();
                if (probe.isPresent()) {
                    return epochNanos(probe.get()[0]);
                }
                if (!process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("tshark did not capture in " + namespace + " within 30 s");
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: tshark prints what it has
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        /**
         * Per frame of the lab's connection (TCP port {@code port}) until {@code untilEpochNanos}: whether
         * tshark calls it a retransmission. Later frames are the lab closing its sockets once its exports are
         * written.
         */
        List<Boolean> retransmissions(int port, long untilEpochNanos) {
            return frames.stream()
                    .filter(f -> f.length > 2 && List.of(f[1].split(",")).contains(String.valueOf(port)))
                    .filter(f -> epochNanos(f[0]) <= untilEpochNanos)
                    .map(f -> !f[2].isBlank()).toList();
        }

        private static long epochNanos(String seconds) {
            return new BigDecimal(seconds).movePointRight(9).longValueExact();
        }
    }

    private static String netNamespace(ProcessHandle process) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "ns", "net")).toString();
        } catch (IOException e) {
            return ""; // gone, or not yet readable
        }
    }

    private static String read(UnprivilegedLab.Running run) {
        try {
            return Files.readString(run.stdout()) + Files.readString(run.stderr());
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String output(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command));
        return text.strip();
    }
}
