package org.keepalivelab.lab;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.keepalivelab.model.InTimeOrder;

/** Runs a script against a fresh lab on the real kernel and keeps what it recorded. */
public final class LabRun {

    static {
        warmUp();
    }

    private LabRun() {
    }

    /**
     * The first lab of a JVM links its native calls and loads its classes, which can take a second on a
     * busy machine; the scenarios' timers are in seconds, so that is done once, before any is timed.
     */
    private static void warmUp() {
        try (var lab = Lab.start(LabSettings.seed())) {
            var conn = lab.connect().get(30, TimeUnit.SECONDS);
            lab.send(conn, 5).get(30, TimeUnit.SECONDS);
            lab.kill(conn).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Runs {@code steps} until every connection ended (timeout 30 s, which fails the test). */
    public static Transcript untilClosed(LabSettings settings, String... steps) throws Exception {
        return run(settings, null, steps);
    }

    /** Runs {@code steps}, then watches until {@code until} after the start. */
    public static Transcript until(Duration until, LabSettings settings, String... steps) throws Exception {
        return run(settings, until, steps);
    }

    /**
     * Runs {@code steps}, made rather than parsed, then watches until {@code until} after the start, or
     * with {@code until} null until every connection ended (timeout 30 s, which fails the test).
     */
    public static Transcript run(LabSettings settings, Duration until, List<ScriptStep> steps) throws Exception {
        return run(settings, Isolation.HOST, until, steps);
    }

    /**
     * Runs {@code steps} until every connection ended, on a system other than Linux as the lab takes it
     * ({@link Isolation#otherSystem}): no capture, nothing of the kernel.
     */
    public static Transcript onOtherSystem(LabSettings settings, String... steps) throws Exception {
        return run(settings, Isolation.otherSystem(OTHER_SYSTEM), null, steps);
    }

    /** The name {@link #onOtherSystem} gives the system. */
    static final String OTHER_SYSTEM = "Mac OS X 15.1";

    private static Transcript run(LabSettings settings, Duration until, String... steps) throws Exception {
        return run(settings, Isolation.HOST, until, steps);
    }

    private static Transcript run(LabSettings settings, Isolation isolation, Duration until, String... steps)
            throws Exception {
        return run(settings, isolation, until, Arrays.stream(steps).map(ScriptStep::parse).toList());
    }

    private static Transcript run(LabSettings settings, Isolation isolation, Duration until, List<ScriptStep> steps)
            throws Exception {
        var script = new Script(steps, until, Duration.ofSeconds(30));
        try (var lab = Lab.start(settings, isolation)) {
            boolean capture = isolation.linux();
            if (capture && lab.captureProblem().isPresent()) {
                throw new AssertionError("These tests need the capture: " + lab.captureProblem().get());
            }
            var outcome = script.run(lab);
            if (outcome != Script.Outcome.DONE) {
                throw new AssertionError("The script did not finish in time: " + InTimeOrder.of(lab.timeline()));
            }
            if (lab.loopFailure() != null) {
                throw new AssertionError("The lab's loop failed: " + lab.loopFailure());
            }
            if (!capture) {
                return new Transcript(InTimeOrder.of(lab.timeline()), lab.timeline().snapshot(), new byte[0]);
            }
            long drops = lab.captureStatistics().orElseThrow().kernelDrops();
            if (drops != 0) {
                throw new AssertionError("The kernel dropped " + drops + " packets the capture did not take in time");
            }
            // Both taken now, before closing the lab's sockets adds segments of its own.
            var pcap = new ByteArrayOutputStream();
            lab.packets().orElseThrow().writePcap(pcap);
            return new Transcript(InTimeOrder.of(lab.timeline()), lab.timeline().snapshot(), pcap.toByteArray());
        }
    }

    /** Settings with the seed's read-once server and the given server keepalive. */
    public static LabSettings seedWith(KeepaliveSettings serverKeepalive) {
        return LabSettings.seed().withServer(SocketSettings.DEFAULT.withKeepalive(serverKeepalive));
    }
}
