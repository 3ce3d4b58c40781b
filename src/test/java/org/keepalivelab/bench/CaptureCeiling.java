package org.keepalivelab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.keepalivelab.lab.Lab;

/**
 * The capture's ceiling against dumpcap's: the capture load's flood raised step by step while dumpcap
 * captures the same traffic at the same time, until the lab or dumpcap drops a packet or the load
 * generator stops gaining (the lab's loop writes no faster). Each capture's drops come from its own
 * statistics; each one's CPU time over the step (the lab's capture thread, dumpcap's whole process) is
 * divided by the segments it captured in that step. The store's preparer ({@code store-prepare}), which
 * faults in the pages the capture's thread will write the timeline and the packets into, is the capture's
 * work done elsewhere: its CPU is reported beside, and in a second ratio.
 */
final class CaptureCeiling {
    /**
     * Segments per second each step adds (a small write is a data segment and its ACK): 25,000 up to
     * 100,000, then twice that, so that ten steps reach 400,000 (the group stays under 40 s).
     */
    private static final int STEP = 25_000;
    private static final int FINE_UP_TO = 100_000;
    private static final int MAX_STEPS = 10;
    /**
     * dumpcap's CPU comes in 10 ms ticks: over 2 s one tick is about a tenth of its time at 100k
     * segments/s and under 4% at 250k; below 100k a step's CPU ratio is context only.
     */
    private static final Duration STEP_TIME = Duration.ofSeconds(2);
    /** The lab reads its kernel drop counter once a second (Capture.DROP_CHECK_NANOS): wait for one more reading. */
    private static final long DROP_READING_MILLIS = 1_100;
    /** For dumpcap to write out what it holds of the step before it is stopped. */
    private static final long DUMPCAP_DRAIN_MILLIS = 200;
    /**
     * dumpcap.c, report_packet_drops: "Packets received/dropped on interface '%s': %u/%u (pcap:…", the
     * second number being pcap's kernel drops (PACKET_STATISTICS), plus dumpcap's own and those flushed.
     */
    private static final Pattern DUMPCAP_DROPS = Pattern.compile("Packets received/dropped on interface .*: (\\d+)/(\\d+) \\(pcap:");

    private final CaptureLoad load;
    private final Path work;

    CaptureCeiling(CaptureLoad load, Path work) {
        this.load = load;
        this.work = work;
    }

    /**
     * One step's measurements, both captures over the same interval.
     *
     * @param offered segments per second asked of the generator
     * @param wire    segments per second on the wire: the larger of the two counts, as a drop only lowers one
     */
    record Step(int offered, double wire, long labDrops, double labCpuPerSegment, double storeCpuPerSegment,
                long dumpcapDrops, double dumpcapCpuPerSegment) {

        boolean dropped() {
            return labDrops > 0 || dumpcapDrops > 0;
        }

        double cpuRatio() {
            return labCpuPerSegment / dumpcapCpuPerSegment;
        }

        double cpuRatioWithStore() {
            return (labCpuPerSegment + storeCpuPerSegment) / dumpcapCpuPerSegment;
        }
    }

    List<Figure> run() throws Exception {
        try (var lab = CaptureLoad.startLab()) {
            load.connectAll(lab, false);
            var captureThread = CpuTime.thread(lab.threadName("lab-capture"));
            var storeThread = CpuTime.thread("store-prepare");
            var steps = new ArrayList<Step>();
            for (int offered = STEP; steps.size() < MAX_STEPS; offered += offered < FINE_UP_TO ? STEP : 2 * STEP) {
                steps.add(step(lab, captureThread, storeThread, offered));
                if (steps.getLast().dropped() || generatorSaturated(steps)) {
                    break;
                }
            }
            return figures(steps);
        }
    }

    private Step step(Lab lab, Thread captureThread, Thread storeThread, int offered) throws Exception {
        var file = Files.createTempFile(work, "dumpcap-" + offered, ".pcap");
        try (var dumpcap = startDumpcap(lab.serverAddress().getPort(), file)) {
            long labDropsBefore = lab.captureStatistics().orElseThrow().kernelDrops();
            long labBefore = lab.captureStatistics().orElseThrow().packets();
            long labCpuBefore = CpuTime.ofThread(captureThread);
            long storeCpuBefore = CpuTime.ofThread(storeThread);
            long dumpcapCpuBefore = CpuTime.ofProcess(dumpcap.pid());
            long from = CaptureLoad.epochMicros(Instant.now());
            long start = System.nanoTime();
            load.flood(lab, offered / 2, STEP_TIME);
            long labCpu = CpuTime.ofThread(captureThread) - labCpuBefore;
            long storeCpu = CpuTime.ofThread(storeThread) - storeCpuBefore;
            long dumpcapCpu = CpuTime.ofProcess(dumpcap.pid()) - dumpcapCpuBefore;
            long labSegments = lab.captureStatistics().orElseThrow().packets() - labBefore;
            long to = CaptureLoad.epochMicros(Instant.now());
            long end = System.nanoTime();
            Thread.sleep(DUMPCAP_DRAIN_MILLIS);
            long dumpcapDrops = drops(dumpcap.stop());
            long dumpcapSegments = PcapCounter.countBefore(file, to) - PcapCounter.countBefore(file, from);
            Thread.sleep(Math.max(0, DROP_READING_MILLIS - (System.nanoTime() - end) / 1_000_000));
            long labDrops = lab.captureStatistics().orElseThrow().kernelDrops() - labDropsBefore;
            double seconds = (end - start) / 1e9;
            return new Step(offered, Math.max(labSegments, dumpcapSegments) / seconds,
                    labDrops, (double) labCpu / labSegments, (double) storeCpu / labSegments,
                    dumpcapDrops, (double) dumpcapCpu / dumpcapSegments);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The last step fell short of what it offered by more than half a step: the lab's loop writes no
     * faster (the writes it could not keep up with queue up and reach the wire late).
     */
    private static boolean generatorSaturated(List<Step> steps) {
        return steps.getLast().offered() - steps.getLast().wire() > STEP / 2.0;
    }

    private static List<Figure> figures(List<Step> steps) {
        var figures = new ArrayList<Figure>();
        for (var step : steps) {
            String name = String.format(Locale.ROOT, "capture.ceiling.at_%dk.", step.offered() / 1000);
            figures.add(new Figure(name + "segments_per_s", step.wire(), "seg/s", "-"));
            figures.add(new Figure(name + "lab_drops", step.labDrops(), "packets", "-"));
            figures.add(new Figure(name + "dumpcap_drops", step.dumpcapDrops(), "packets", "-"));
            figures.add(new Figure(name + "cpu_per_segment_vs_dumpcap", step.cpuRatio(), "ratio", "-"));
        }
        double lab = ceiling(steps, step -> step.labDrops() == 0);
        double dumpcap = ceiling(steps, step -> step.dumpcapDrops() == 0);
        // CPU where both captured the most without a drop: where the per-packet costs show most
        var busiest = steps.stream().filter(step -> !step.dropped()).max(Comparator.comparingDouble(Step::wire));
        figures.add(new Figure("capture.ceiling_lab_segments_per_s", lab, "seg/s", "-"));
        figures.add(new Figure("capture.ceiling_dumpcap_segments_per_s", dumpcap, "seg/s", "-"));
        figures.add(new Figure("capture.ceiling_ratio_vs_dumpcap", lab / dumpcap, "ratio", ">=1.0"));
        figures.add(new Figure("capture.ceiling_generator_saturated", generatorSaturated(steps) ? 1 : 0, "yes=1", "-"));
        busiest.ifPresent(top -> {
            figures.add(new Figure("capture.lab_cpu_per_segment", top.labCpuPerSegment() / 1e3, "us", "-"));
            figures.add(new Figure("capture.lab_store_cpu_per_segment", top.storeCpuPerSegment() / 1e3, "us", "-"));
            figures.add(new Figure("capture.dumpcap_cpu_per_segment", top.dumpcapCpuPerSegment() / 1e3, "us", "-"));
            figures.add(new Figure("capture.cpu_per_segment_vs_dumpcap", top.cpuRatio(), "ratio", "<=1.0"));
            figures.add(new Figure("capture.cpu_per_segment_with_store_vs_dumpcap", top.cpuRatioWithStore(), "ratio", "-"));
        });
        return figures;
    }

    /**
     * The highest wire rate of the steps before the capture's first drop (0 if it dropped at the first):
     * the top step of a saturated generator may carry less than the one before it.
     */
    private static double ceiling(List<Step> steps, Predicate<Step> clean) {
        double rate = 0;
        for (var step : steps) {
            if (!clean.test(step)) {
                break;
            }
            rate = Math.max(rate, step.wire());
        }
        return rate;
    }

    /**
     * dumpcap with tshark's settings in the capture group (headers only, a 64 MB buffer, as the lab's
     * capture has) and a BPF filter for the lab's port, writing classic pcap (-P) for the counter. It
     * prints "File:" once its capture is open and filtered.
     */
    private static WiresharkCapture startDumpcap(int port, Path pcap) throws IOException, InterruptedException {
        return WiresharkCapture.start(List.of("dumpcap", "-i", "lo", "-f", "tcp port " + port, "-s", "256", "-B", "64",
                "-P", "-w", pcap.toString(), "-q"), "File:", 300);
    }

    private static long drops(List<String> output) throws IOException {
        for (String line : output) {
            var match = DUMPCAP_DROPS.matcher(line);
            if (match.find()) {
                return Long.parseLong(match.group(2));
            }
        }
        throw new IOException("dumpcap printed no drop statistics at exit: " + String.join(" / ", output));
    }
}
