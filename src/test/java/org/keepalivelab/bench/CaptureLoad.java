package org.keepalivelab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.keepalivelab.export.PcapFile;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.lab.SocketSettings;

/**
 * The capture under load: N connections probing every second (healthy, or severed), plus a flood of
 * small writes, captured by the lab and, independently, by tshark on the same interface. Both captures
 * are then counted up to the same instant.
 */
final class CaptureLoad {
    private static final int FLOOD_WRITE = 100;

    private CaptureLoad() {
    }

    static List<Figure> run(int connections, Duration duration, int writesPerSecond, boolean severed, Path work)
            throws Exception {
        var settings = LabSettings.seed().withServerPolicy(ServerPolicy.READ_KEEP)
                .withServer(SocketSettings.DEFAULT.withKeepalive(KeepaliveSettings.of(1, 1, 127)));
        try (var lab = Lab.start(settings)) {
            var theirs = work.resolve("tshark.pcap");
            var tshark = startTshark(lab.serverAddress().getPort(), theirs);
            try {
                var connected = new ArrayList<CompletableFuture<Integer>>();
                for (int i = 0; i < connections; i++) {
                    connected.add(lab.connect());
                }
                CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                if (severed) {
                    for (int conn = 1; conn <= connections; conn++) {
                        lab.sever(conn, Sever.BOTH);
                    }
                }
                long packetsBefore = lab.captureStatistics().orElseThrow().packets();
                long start = System.nanoTime();
                flood(lab, connections, duration, writesPerSecond);
                double seconds = (System.nanoTime() - start) / 1e9;
                long handled = lab.captureStatistics().orElseThrow().packets() - packetsBefore;
                long cutMicros = epochMicros(Instant.now());
                Thread.sleep(1_500); // both captures run on past the cut
                var ours = work.resolve("lab.pcap");
                PcapFile.write(lab.packets().orElseThrow(), ours);
                stop(tshark);
                var statistics = lab.captureStatistics().orElseThrow();
                long ourCount = PcapCounter.countBefore(ours, cutMicros);
                long theirCount = PcapCounter.countBefore(theirs, cutMicros);
                String scenario = severed ? "severed" : "healthy";
                return List.of(
                        new Figure("capture." + scenario + ".segments_per_s", handled / seconds, "seg/s", "up_to_50000"),
                        new Figure("capture." + scenario + ".kernel_drops", statistics.kernelDrops(), "packets", "=0"),
                        new Figure("capture." + scenario + ".tshark_segments", theirCount, "segments", "-"),
                        new Figure("capture." + scenario + ".missing_vs_tshark", theirCount - ourCount, "segments", "=0"),
                        new Figure("latency." + scenario + ".p50", statistics.latency().percentile(50) / 1e6, "ms", "-"),
                        new Figure("latency." + scenario + ".p99", statistics.latency().percentile(99) / 1e6, "ms", "<=2"));
            } finally {
                tshark.destroy();
            }
        }
    }

    /** Small writes, spread round-robin over the connections, at a steady rate. */
    private static void flood(Lab lab, int connections, Duration duration, int writesPerSecond)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        int conn = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * writesPerSecond / 1_000_000_000L;
            for (; sent < due; sent++) {
                lab.send(conn + 1, FLOOD_WRITE);
                conn = (conn + 1) % connections;
            }
            Thread.sleep(1);
        }
    }

    private static Process startTshark(int port, Path pcap) throws IOException {
        var tshark = new ProcessBuilder("tshark", "-i", "lo", "-f", "tcp port " + port, "-F", "pcap",
                "-w", pcap.toString(), "-q")
                .redirectErrorStream(true)
                .start();
        var output = new BufferedReader(new InputStreamReader(tshark.getInputStream()));
        for (String line; (line = output.readLine()) != null; ) {
            if (line.contains("Capturing on")) {
                // dumpcap reports this once the capture runs; keep draining its output until it ends
                Thread.ofPlatform().daemon().start(() -> drain(output));
                return tshark;
            }
        }
        throw new IOException("tshark did not start capturing (is it installed? apt-get install tshark)");
    }

    private static void drain(BufferedReader output) {
        try {
            while (output.readLine() != null) {
                // tshark's progress lines are of no interest
            }
        } catch (IOException e) {
            // tshark ended
        }
    }

    private static void stop(Process tshark) throws InterruptedException {
        tshark.destroy(); // SIGTERM: tshark finishes the file
        if (!tshark.waitFor(10, TimeUnit.SECONDS)) {
            tshark.destroyForcibly();
        }
    }

    private static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("keepalive-lab-bench");
    }
}
