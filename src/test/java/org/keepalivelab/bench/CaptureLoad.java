package org.keepalivelab.bench;

import java.io.IOException;
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
 * small writes. Checked against tshark capturing the same interface (both captures counted up to the
 * same instant), and, in a run without tshark competing for the two cores, timed from each segment's
 * kernel timestamp to its event on the timeline.
 */
final class CaptureLoad {
    private static final int FLOOD_WRITE = 100;
    private static final LabSettings SETTINGS = LabSettings.seed().withServerPolicy(ServerPolicy.READ_KEEP)
            .withServer(SocketSettings.DEFAULT.withKeepalive(KeepaliveSettings.of(1, 1, 127)));

    private final int connections;
    private final Duration duration;
    private final int writesPerSecond;

    CaptureLoad(int connections, Duration duration, int writesPerSecond) {
        this.connections = connections;
        this.duration = duration;
        this.writesPerSecond = writesPerSecond;
    }

    /** Segments per second, kernel drops, and how many segments tshark saw that the lab did not. */
    List<Figure> againstTshark(boolean severed, Path work) throws Exception {
        String name = "capture." + (severed ? "severed" : "healthy");
        try (var lab = startLab()) {
            var theirs = work.resolve(name + ".tshark.pcap");
            try (var tshark = startTshark(lab.serverAddress().getPort(), theirs)) {
                connectAll(lab, severed);
                long packetsBefore = packets(lab);
                long start = System.nanoTime();
                flood(lab);
                double seconds = (System.nanoTime() - start) / 1e9;
                long handled = packets(lab) - packetsBefore;
                long cutMicros = epochMicros(Instant.now());
                Thread.sleep(1_500); // both captures run on past the cut
                var ours = work.resolve(name + ".lab.pcap");
                PcapFile.write(lab.packets().orElseThrow(), ours);
                tshark.stop();
                long theirCount = PcapCounter.countBefore(theirs, cutMicros);
                long missing = theirCount - PcapCounter.countBefore(ours, cutMicros);
                return List.of(
                        // severed, data waits on retransmission backoff: the rate there is context
                        new Figure(name + ".segments_per_s", handled / seconds, "seg/s", severed ? "-" : ">=50000"),
                        new Figure(name + ".kernel_drops", lab.captureStatistics().orElseThrow().kernelDrops(), "packets", "=0"),
                        new Figure(name + ".tshark_segments", theirCount, "segments", "-"),
                        new Figure(name + ".missing_vs_tshark", missing, "segments", "=0"));
            }
        }
    }

    /**
     * Kernel timestamp to timeline event, p50 and p99, under the same load, in the steady state of a
     * lab that runs for long: the thousand connections' setup is collected first and not counted.
     */
    List<Figure> latency() throws Exception {
        try (var lab = startLab()) {
            connectAll(lab, false);
            System.gc();
            var before = lab.captureStatistics().orElseThrow().latency().copy();
            flood(lab);
            var latency = lab.captureStatistics().orElseThrow().latency().since(before);
            return List.of(
                    new Figure("latency.p50", latency.percentile(50) / 1e6, "ms", "-"),
                    new Figure("latency.p99", latency.percentile(99) / 1e6, "ms", "<=2"),
                    new Figure("latency.segments", latency.count(), "segments", "-"));
        }
    }

    /** A lab whose server reads what the flood sends and probes every second (idle 1 s, interval 1 s). */
    static Lab startLab() throws IOException {
        return Lab.start(SETTINGS);
    }

    int connections() {
        return connections;
    }

    void connectAll(Lab lab, boolean severed) throws Exception {
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
    }

    private static long packets(Lab lab) {
        return lab.captureStatistics().orElseThrow().packets();
    }

    private void flood(Lab lab) throws InterruptedException {
        flood(lab, writesPerSecond, duration);
    }

    /**
     * Small writes, round-robin over the connections, at a steady rate: each is a data segment and its
     * ACK. Past what the lab's loop can write (the load generator's saturation) the rate falls short.
     */
    void flood(Lab lab, int writesPerSecond, Duration duration) throws InterruptedException {
        LoadThread.yieldToTheLab();
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

    private static WiresharkCapture startTshark(int port, Path pcap) throws IOException, InterruptedException {
        // Headers only and a deep buffer, as our capture has: bursts of retransmitted 64 KB segments
        // would otherwise overflow dumpcap's default 2 MB and make tshark the one that misses segments.
        // tshark says "Capturing on" a moment before its dumpcap's capture really runs: give it that moment.
        return WiresharkCapture.start(List.of("tshark", "-i", "lo", "-f", "tcp port " + port, "-s", "256", "-B", "64",
                "-F", "pcap", "-w", pcap.toString(), "-q"), "Capturing on", 2_000);
    }

    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
