package org.keepalivelab.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.capture.Tshark;
import org.keepalivelab.explain.CaptureExplanations;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.KernelFinding;
import org.keepalivelab.explain.LabFacts;
import org.keepalivelab.export.PcapngFile;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabRun;
import org.keepalivelab.lab.Script;
import org.keepalivelab.lab.ScriptStep;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.InTimeOrder;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.Timeline;

/**
 * Captures of one real lab run on loopback, made at the same time by tcpdump ({@code -i lo}: classic
 * pcap, Ethernet framing; {@code -i any}: Linux cooked v1 and v2, ns stamps), by dumpcap (pcapng, on
 * {@code lo} and {@code any} at once, so every packet is there twice, on two interfaces) and by the lab
 * itself (raw IP), plus the lab's file framed again as Ethernet with QinQ tags (802.1ad outside 802.1Q:
 * loopback has no VLANs, so the test writes them) and a gzip-compressed copy. Each imports, and its
 * keep-alive and keep-alive ACK labels agree with tshark's frame for frame, except {@link #DEVIATIONS}.
 * Needs root (the lab's capture, tcpdump, dumpcap) and tshark, tcpdump and dumpcap installed (.ci/run).
 */
class RealCaptureImportTest {
    /** Where the import and tshark may differ on these captures, on purpose, and why. */
    static final Map<String, String> DEVIATIONS = Map.of(
            "duplicate", "a packet captured twice (two interfaces, or -i any before libpcap dropped loopback's "
                    + "outgoing copy) is one event: its second copy is dropped, while tshark labels both copies",
            "zero-window probe", "Linux's zero-window probe has a keep-alive's shape, which tshark calls a "
                    + "keep-alive; the import calls it a zero-window probe (assumed from the capture)");

    @TempDir
    static Path dir;
    private static final Map<String, Path> files = new LinkedHashMap<>();
    private static List<SegmentKind> liveKinds;
    private static List<Explanation> liveExplanations;
    private static List<Event> liveEvents;
    private static long labStartEpochNanos;
    private static int labPort;

    /** The lab's connections: the tools' files also hold the probes that showed them capturing. */
    private static EndpointFilter labOnly() {
        return EndpointFilter.parse(":" + labPort);
    }

    @BeforeAll
    static void captureOneRunFiveWays() throws Exception {
        var settings = LabRun.seedWith(KeepaliveSettings.of(1, 1, 3)).withOrphanLifetime(3);
        try (var lab = Lab.start(settings)) {
            labPort = lab.serverAddress().getPort();
            int probePort;
            try (var free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                probePort = free.getLocalPort(); // closed again: a connect to it draws SYN and RST
            }
            String filter = "tcp port " + labPort + " or tcp port " + probePort;
            var tools = List.of(
                    new Tool("tcpdump-lo.pcap", 1, "tcpdump", "-U", "-i", "lo", "-w", "%s", filter),
                    new Tool("tcpdump-any-sll2.pcap", 1, "tcpdump", "-U", "-i", "any", "-y", "LINUX_SLL2",
                            "--time-stamp-precision=nano", "-w", "%s", filter),
                    new Tool("tcpdump-any-sll.pcap", 1, "tcpdump", "-U", "-i", "any", "-y", "LINUX_SLL", "-w", "%s", filter),
                    new Tool("dumpcap-lo-and-any.pcapng", 2, "dumpcap", "-q", "-i", "lo", "-f", filter, "-i", "any",
                            "-f", filter, "-w", "%s"));
            var running = new ArrayList<Process>();
            for (var tool : tools) {
                running.add(tool.start(dir));
            }
            awaitCapturing(tools, probePort);
            var script = new Script(Arrays.stream(new String[] {"0s:connect", "0s:connect", "0.2s:send 5",
                    "0.2s:send 5@2", "0.5s:sever@2", "1s:kill"}).map(ScriptStep::parse).toList(), null,
                    Duration.ofSeconds(30));
            assertEquals(Script.Outcome.DONE, script.run(lab));
            var pcap = new ByteArrayOutputStream();
            lab.packets().orElseThrow().writePcap(pcap);
            awaitEveryPacket(tools, lab.packets().orElseThrow().packets());
            liveKinds = lab.timeline().snapshot().stream().filter(e -> e instanceof SegmentEvent)
                    .map(e -> ((SegmentEvent) e).kind()).toList();
            liveEvents = InTimeOrder.of(lab.timeline());
            liveExplanations = LabFacts.explainFinished(lab, KernelSettings.read());
            labStartEpochNanos = lab.clock().startEpochNanos();
            PcapngFile.writeLab(lab, dir.resolve("lab.pcapng"));
            for (var process : running) {
                process.destroy(); // SIGTERM: each closes its file
                assertTrue(process.waitFor(10, TimeUnit.SECONDS), "a capture tool stopped");
            }
            for (var tool : tools) {
                files.put(tool.file(), dir.resolve(tool.file()));
            }
            files.put("lab.pcap", Files.write(dir.resolve("lab.pcap"), pcap.toByteArray()));
        }
        files.put("lab-ethernet-qinq.pcap", Files.write(dir.resolve("lab-ethernet-qinq.pcap"),
                ethernetQinQ(Files.readAllBytes(files.get("lab.pcap")))));
        var zipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(zipped)) {
            gzip.write(Files.readAllBytes(files.get("tcpdump-lo.pcap")));
        }
        files.put("tcpdump-lo.pcap.gz", Files.write(dir.resolve("tcpdump-lo.pcap.gz"), zipped.toByteArray()));
    }

    /** A capture tool, writing {@code file}, on {@code interfaces} interfaces (one link type each). */
    private record Tool(String file, int interfaces, String... command) {
        Process start(Path dir) {
            var args = Arrays.stream(command).map(a -> a.equals("%s") ? dir.resolve(file).toString() : a).toList();
            try {
                return new ProcessBuilder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new AssertionError("This test needs " + command[0] + ": apt-get install tcpdump tshark "
                        + "(CI's .ci/run does)", e);
            }
        }

        /** The link types of the packets in its file so far: one per interface that is capturing. */
        Set<Integer> linkTypesSoFar(Path dir) throws IOException {
            var seen = new TreeSet<Integer>();
            var path = dir.resolve(file);
            if (!Files.exists(path)) {
                return seen;
            }
            try (var in = CaptureStream.open(path.toString())) {
                var reader = PacketReader.open(in);
                var packet = new Packet();
                while (reader.next(packet)) {
                    seen.add(packet.linkType());
                }
            } catch (BadCaptureException e) {
                // the header is not written yet
            }
            return seen;
        }
    }

    /**
     * Waits until every tool captures on every interface: a tool says "listening" or "Capturing on"
     * before its capture is active (dumpcap missed the handshakes under load), so refused connects to
     * {@code probePort} are made until each file holds one on each of its interfaces.
     */
    private static void awaitCapturing(List<Tool> tools, int probePort) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (var probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), probePort), 1000);
            } catch (IOException refused) {
                // the SYN and the RST are what the tools should see
            }
            Thread.sleep(100);
            boolean all = true;
            for (var tool : tools) {
                all &= tool.linkTypesSoFar(dir).size() == tool.interfaces();
            }
            if (all) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the capture tools started capturing within 20 s");
        }
    }

    /**
     * Waits until each tool's file holds every packet the lab captured (its last, the RST a probe drew, is
     * what the detections rest on): a tool under load writes a little behind.
     */
    private static void awaitEveryPacket(List<Tool> tools, int labPackets) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (var tool : tools) {
            while (true) {
                var imported = Imported.of(Files.readAllBytes(dir.resolve(tool.file())), labOnly());
                if (imported.segments().size() + imported.result().packetsDuplicated() >= labPackets) {
                    break;
                }
                assertTrue(System.nanoTime() < deadline, tool.file() + " holds the lab's " + labPackets + " packets within 10 s");
                Thread.sleep(100);
            }
        }
    }

    /** The lab's raw-IP pcap (little-endian, ns) as a big-endian µs pcap of Ethernet frames with two VLAN tags. */
    private static byte[] ethernetQinQ(byte[] lab) {
        var in = ByteBuffer.wrap(lab).order(ByteOrder.LITTLE_ENDIAN);
        var out = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, false, LinkLayer.ETHERNET);
        for (int at = 24; at + 16 <= lab.length; ) {
            int captured = in.getInt(at + 8);
            byte[] ip = Arrays.copyOfRange(lab, at + 16, at + 16 + captured);
            out.record(Integer.toUnsignedLong(in.getInt(at)), in.getInt(at + 4) / 1000, TestPackets.ethernet(ip, 0x88a8, 0x8100));
            at += 16 + captured;
        }
        return out.bytes();
    }

    @Test
    void everyCaptureAgreesWithTsharkFrameForFrame() throws Exception {
        for (var entry : files.entrySet()) {
            var imported = Imported.of(Files.readAllBytes(entry.getValue()), labOnly());
            var tshark = tshark(entry.getValue());
            String name = entry.getKey();
            assertEquals(2, imported.result().connections().size(), name + ": two connections");
            assertTrue(imported.result().connections().stream().allMatch(c -> c.clientRule() == ClientRule.SYN),
                    name + ": " + imported.result().connections());
            assertEquals(tshark.frames(), imported.result().packetsRead(), name + ": every frame read");
            var kept = imported.eventOfPacket().keySet();
            for (var label : List.of(SegmentKind.KEEPALIVE, SegmentKind.KEEPALIVE_ACK)) {
                var ours = new TreeSet<Long>();
                imported.kindOfPacket().forEach((frame, kind) -> {
                    if (kind == label) {
                        ours.add(frame);
                    }
                });
                var theirs = new TreeSet<>(tshark.labelled().get(label));
                theirs.retainAll(kept); // DEVIATIONS: "duplicate"
                assertEquals(theirs, ours, name + ": frames tshark and the import label " + label);
                assertTrue(ours.size() >= 2, name + ": the run has " + label + "s to compare: " + ours);
            }
            var dropped = new TreeSet<>(tshark.labFrames());
            dropped.removeAll(kept);
            assertEquals(tshark.copies(), dropped, name + ": the frames dropped are the copies tshark's fields show");
            assertEquals(dropped.size(), imported.result().packetsDuplicated(), name);
            assertEquals(tshark.frames() - tshark.labFrames().size(), imported.result().packetsFiltered(), name + ": the probes");
            if (name.startsWith("dumpcap")) {
                // Each copy is stamped where its interface saw it (sent, received): under load some pairs are
                // more than the 1 ms apart that makes a duplicate, and both are kept, as the rule says.
                assertTrue(dropped.size() >= tshark.labFrames().size() / 4, name + ": most packets are there twice: " + dropped);
            } else {
                assertEquals(Set.of(), dropped, name);
            }
        }
    }

    @Test
    void theLabsOwnCaptureImportsWithTheLabelsTheLiveRunGaveIt() throws Exception {
        var imported = Imported.of(Files.readAllBytes(files.get("lab.pcap")));
        assertEquals(liveKinds, imported.kinds());
        assertEquals(imported.kinds(), Imported.of(Files.readAllBytes(files.get("lab-ethernet-qinq.pcap"))).kinds());
        assertEquals(Imported.of(Files.readAllBytes(files.get("tcpdump-lo.pcap")), labOnly()).segments(),
                Imported.of(Files.readAllBytes(files.get("tcpdump-lo.pcap.gz")), labOnly()).segments());
    }

    /**
     * The imported captures explain the run as the run explained itself, as far as segments show it:
     * connection 1's killed client (a FIN, the server in CLOSE_WAIT probing, the client's orphan answering,
     * a probe drawing a RST: the server's kernel knew at that RST) and connection 2's sever (probes
     * unanswered, each side's RST as its kernel gave up), with the same kernel evidence at the same
     * instant (the same packet), nothing of the applications, and the probes' spacing quoted as the
     * settings it implies (1 s idle and interval).
     */
    @Test
    void theImportsDetectionsAndStoriesMatchTheLiveRuns() throws Exception {
        for (var name : List.of("lab.pcap", "tcpdump-lo.pcap", "tcpdump-any-sll2.pcap")) {
            var imported = Imported.of(Files.readAllBytes(files.get(name)), labOnly());
            var explained = CaptureExplanations.of(imported.timeline(), imported.result().connections().size());
            long toLab = imported.result().startEpochNanos() - labStartEpochNanos; // import t + toLab = lab t
            for (int c = 0; c < 2; c++) {
                var live = liveExplanations.get(c).detections();
                var ours = explained.get(c).detections();
                assertEquals(live.stream().map(Detection::side).toList(), ours.stream().map(Detection::side).toList(),
                        name + " conn " + (c + 1) + ": the survivors");
                for (int i = 0; i < live.size(); i++) {
                    var l = live.get(i);
                    var o = ours.get(i);
                    assertTrue(o.app().isEmpty(), name + ": nothing of the applications in a capture");
                    assertEquals(l.kernel().isPresent(), o.kernel().isPresent(), name + " conn " + (c + 1) + " " + l + " / " + o);
                    if (o.kernel().isEmpty()) {
                        continue;
                    }
                    var evidence = o.kernel().get().evidence();
                    var segment = liveEvents.stream().filter(e -> e instanceof SegmentEvent s && s.kind() == SegmentKind.RST
                            && e.conn() == l.conn() && (evidence == KernelFinding.Evidence.RST_SENT
                            ? s.dir().sender() == l.side() : s.dir().receiver() == l.side())).findFirst().orElseThrow();
                    assertEquals(segment.t(), o.kernel().get().t() + toLab, 1_000_000,
                            name + " conn " + (c + 1) + ": the same RST the live run captured");
                    if (l.kernel().get().evidence() != KernelFinding.Evidence.TIMED_OUT) {
                        assertEquals(l.kernel().get().evidence(), evidence, name + " conn " + (c + 1));
                    }
                }
            }
            assertEquals("fin", explained.get(0).detections().getFirst().fault().name(), name);
            assertEquals(Optional.of(Side.CLIENT), explained.get(0).detections().getFirst().fault().side(), name);
            assertEquals(KernelFinding.Evidence.RST_RECEIVED,
                    explained.get(0).detections().getFirst().kernel().orElseThrow().evidence(), name);
            String killed = explained.get(0).story().text();
            for (String words : List.of("the client sent a FIN", "CLOSE_WAIT", "inferred", "FIN_WAIT2", "drew a RST",
                    "not in a capture", "read from a capture")) {
                assertTrue(killed.contains(words), name + ": '" + words + "' in " + killed);
            }
            assertEquals("silence", explained.get(1).detections().getFirst().fault().name(), name);
            String severed = explained.get(1).story().text();
            assertTrue(severed.contains("probes went unanswered") && severed.contains("gave up"), name + ": " + severed);
            assertTrue(Pattern.compile("interval about 1\\.0\\d s").matcher(severed).find()
                    && Pattern.compile("count 3 ").matcher(severed).find(), name + ": the probes' spacing, " + severed);
        }
    }

    /**
     * The lab's pcapng and an import's: tshark reads our comment on every frame of the lab's, and its own
     * keep-alive labels on the same file agree with ours ("keep-alive, ..." and "keep-alive ACK").
     */
    @Test
    void thePcapngExportsCarryOurCommentsAndTsharkAgreesWithTheirLabels() throws Exception {
        var imported = Imported.of(Files.readAllBytes(files.get("tcpdump-lo.pcap")));
        var events = new PacketEvents();
        var timeline = new Timeline();
        var result = CaptureImport.read("tcpdump-lo.pcap", CaptureStream.open(files.get("tcpdump-lo.pcap").toString()),
                timeline, null, events);
        var again = dir.resolve("tcpdump-lo-again.pcapng");
        PcapngFile.writeImport(files.get("tcpdump-lo.pcap").toString(), result, timeline, events, again);
        assertEquals(imported.result().packetsRead(), result.packetsRead());
        var classic = List.of("frame.time_epoch", "frame.cap_len", "frame.len"); // a pcap file names no interface
        assertEquals(tsharkFields(files.get("tcpdump-lo.pcap"), classic), tsharkFields(again, classic),
                "a classic file's packets, their µs stamps as they were");
        assertEquals(Set.of(List.of("0")), Set.copyOf(tsharkFields(again, List.of("frame.interface_id")).values()),
                "a classic file's one interface");
        assertEquals(Set.of(List.of("0", "raw")), tsharkFields(dir.resolve("lab.pcapng"), List.of("frame.interface_id",
                "frame.protocols")).values().stream().map(f -> List.of(f.get(0), f.get(1).split(":")[0]))
                .collect(Collectors.toSet()), "the lab's capture: its one raw-IP interface");
        for (var file : List.of(dir.resolve("lab.pcapng"), again)) {
            var frames = comments(file);
            assertTrue(frames.size() > 20, file + ": " + frames.size());
            var all = String.join("\n", frames.values().stream().map(f -> f.comment()).toList());
            for (String words : List.of("keep-alive, unanswered", "keep-alive ACK", "RST drawn by a probe", "SYN-ACK",
                    "keep-alive, answered")) {
                assertTrue(all.contains(words), file + ": '" + words + "' among\n" + all);
            }
            if (file.equals(dir.resolve("lab.pcapng"))) {
                assertTrue(all.contains("lost to the sever"), all);
                assertTrue(frames.values().stream().allMatch(f -> !f.comment().isEmpty()), "every lab frame has its comment");
            }
            frames.forEach((number, f) -> {
                boolean ourKeepalive = f.comment().startsWith("keep-alive,");
                assertEquals(f.keepalive(), ourKeepalive, file + " frame " + number + ": " + f);
                assertEquals(f.keepaliveAck(), f.comment().startsWith("keep-alive ACK"), file + " frame " + number + ": " + f);
            });
        }
    }

    /**
     * dumpcap's file (lo and any, two interfaces, each named, lo described) imported and written again as
     * pcapng: tshark reads every frame on the same interface, by id, name and description, at the same
     * time, as in the original, our comment on each frame the import kept and none on the copies and probes.
     */
    @Test
    void theDumpcapFileWrittenAgainKeepsEachFrameOnItsInterfaceWithOurComments() throws Exception {
        var original = files.get("dumpcap-lo-and-any.pcapng");
        var events = new PacketEvents();
        var timeline = new Timeline();
        var result = CaptureImport.read(original.getFileName().toString(), CaptureStream.open(original.toString()),
                timeline, labOnly(), events);
        var again = dir.resolve("dumpcap-again.pcapng");
        PcapngFile.writeImport(original.toString(), result, timeline, events, again);
        var theirs = tsharkFields(original, INTERFACE_FIELDS);
        var ours = tsharkFields(again, INTERFACE_FIELDS);
        assertEquals(theirs, ours, "each frame's interface and time, as tshark reads the original");
        assertEquals(Set.of("0 lo Loopback", "1 any "), theirs.values().stream()
                .map(f -> f.get(0) + " " + f.get(1) + " " + f.get(2)).collect(Collectors.toSet()), "two interfaces");
        var comments = tsharkFields(again, List.of("frame.comment"));
        var commented = new TreeSet<Long>();
        comments.forEach((frame, f) -> {
            if (!f.getFirst().isEmpty()) {
                commented.add(frame);
            }
        });
        var kept = new TreeSet<Long>();
        for (long frame = 1; frame <= result.packetsRead(); frame++) {
            if (events.event(frame) >= 0) {
                kept.add(frame);
            }
        }
        assertEquals(kept, commented, "our comment on every frame the import kept, none on the others");
        assertTrue(comments.values().stream().anyMatch(f -> f.getFirst().startsWith("keep-alive, unanswered")),
                "the probes' labels among our comments");
    }

    /** What a frame's interface is, when it was captured and how much of it was kept. */
    private static final List<String> INTERFACE_FIELDS = List.of("frame.interface_id", "frame.interface_name",
            "frame.interface_description", "frame.time_epoch", "frame.cap_len", "frame.len");

    /** tshark's {@code fields} of each frame of {@code file}, by frame number. */
    private static Map<Long, List<String>> tsharkFields(Path file, List<String> fields) throws Exception {
        var numbered = new ArrayList<>(List.of("frame.number"));
        numbered.addAll(fields);
        var frames = new TreeMap<Long, List<String>>();
        for (String line : Tshark.fields(file, dir, List.of(), numbered)) {
            String[] f = line.split("\t", -1);
            frames.put(Long.parseLong(f[0]), List.of(Arrays.copyOfRange(f, 1, f.length)));
        }
        return frames;
    }

    private record Frame(String comment, boolean keepalive, boolean keepaliveAck) {
    }

    /** tshark's frames of {@code file}: our comment (empty where none), its own keep-alive labels. */
    private static Map<Long, Frame> comments(Path file) throws Exception {
        var frames = new TreeMap<Long, Frame>();
        tsharkFields(file, List.of("frame.comment", "tcp.analysis.keep_alive", "tcp.analysis.keep_alive_ack"))
                .forEach((number, f) -> frames.put(number, new Frame(f.get(0), !f.get(1).isEmpty(), !f.get(2).isEmpty())));
        return frames;
    }

    /**
     * tshark's frame count, per label the frames it marks, and the copies: frames whose IP and TCP header
     * fields (source, IP ID, ports, sequence, acknowledgement, flags, length, checksum) repeat an earlier
     * frame's within 1 ms, worked out from tshark's fields, independently of the import's hash.
     */
    private record TsharkLabels(long frames, Map<SegmentKind, Set<Long>> labelled, Set<Long> copies, Set<Long> labFrames) {
    }

    private static final List<String> HEADER_FIELDS = List.of("ip.src", "ip.id", "tcp.srcport", "tcp.dstport",
            "tcp.seq_raw", "tcp.ack_raw", "tcp.flags", "tcp.len", "tcp.checksum");

    private static TsharkLabels tshark(Path file) throws Exception {
        var fieldNames = new ArrayList<>(List.of("tcp.analysis.keep_alive", "tcp.analysis.keep_alive_ack", "frame.time_epoch"));
        fieldNames.addAll(HEADER_FIELDS);
        var labelled = Map.<SegmentKind, Set<Long>>of(SegmentKind.KEEPALIVE, new TreeSet<>(),
                SegmentKind.KEEPALIVE_ACK, new TreeSet<>());
        var copies = new TreeSet<Long>();
        var labFrames = new TreeSet<Long>();
        var lastSeen = new HashMap<String, List<Long>>(); // header fields -> the times they were seen
        long frames = 0;
        for (var entry : tsharkFields(file, fieldNames).entrySet()) {
            long frame = entry.getKey();
            var fields = entry.getValue();
            frames = Math.max(frames, frame);
            if (!fields.get(0).isEmpty()) {
                labelled.get(SegmentKind.KEEPALIVE).add(frame);
            }
            if (!fields.get(1).isEmpty()) {
                labelled.get(SegmentKind.KEEPALIVE_ACK).add(frame);
            }
            if (!fields.get(5).equals(String.valueOf(labPort)) && !fields.get(6).equals(String.valueOf(labPort))) {
                continue; // a probe
            }
            labFrames.add(frame);
            long nanos = new BigDecimal(fields.get(2)).movePointRight(9).longValueExact();
            String header = String.join(" ", fields.subList(3, fields.size()));
            var times = lastSeen.computeIfAbsent(header, h -> new ArrayList<>());
            if (times.stream().anyMatch(t -> Math.abs(t - nanos) <= 1_000_000)) {
                copies.add(frame);
            } else {
                times.add(nanos);
            }
        }
        return new TsharkLabels(frames, labelled, copies, labFrames);
    }
}
