package org.keepalivelab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabRun;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;

/**
 * Our pcap, read by an independent dissector: tshark sees every segment we recorded, and labels as
 * keep-alive, keep-alive ACK, retransmission and window update exactly the segments we classified so.
 */
class TsharkCrossCheckTest {
    /** tshark's analysis fields, in the order asked for, and our kinds that must carry them. */
    private static final List<String> FIELDS = List.of("tcp.analysis.keep_alive", "tcp.analysis.keep_alive_ack",
            "tcp.analysis.retransmission", "tcp.analysis.window_update");
    private static final List<SegmentKind> KINDS = List.of(SegmentKind.KEEPALIVE, SegmentKind.KEEPALIVE_ACK,
            SegmentKind.RETRANSMISSION, SegmentKind.WINDOW_UPDATE);

    @TempDir
    Path dir;

    @Test
    void tsharkReadsEverySegmentAndAgreesWithOurKeepAliveLabels() throws Exception {
        // Two connections: one killed (answered probes, then RST), one severed (unanswered probes, RST).
        var run = LabRun.untilClosed(LabRun.seedWith(KeepaliveSettings.of(1, 1, 3)).withOrphanLifetime(3),
                "0s:connect", "0s:connect", "0.2s:send 5", "0.2s:send 5@2", "0.5s:sever@2", "1s:kill");
        var pcap = dir.resolve("capture.pcap");
        Files.write(pcap, run.pcap());
        List<SegmentEvent> ours = run.appended().stream()
                .filter(e -> e instanceof SegmentEvent).map(SegmentEvent.class::cast).toList();

        // One line per frame: the analysis fields, tab-separated, each "1" when tshark set it.
        List<String> frames = Tshark.fields(pcap, dir, List.of(), FIELDS);

        assertEquals(ours.size(), frames.size(), "every captured segment is in the pcap");
        var tsharkLabels = new TreeMap<Integer, SegmentKind>();
        var ourLabels = new TreeMap<Integer, SegmentKind>();
        for (int frame = 0; frame < frames.size(); frame++) {
            String[] flags = frames.get(frame).split("\t", -1);
            for (int field = 0; field < FIELDS.size(); field++) {
                if (!flags[field].isEmpty()) {
                    tsharkLabels.put(frame + 1, KINDS.get(field));
                }
            }
            if (KINDS.contains(ours.get(frame).kind())) {
                ourLabels.put(frame + 1, ours.get(frame).kind());
            }
        }
        assertTrue(ourLabels.containsValue(SegmentKind.KEEPALIVE) && ourLabels.containsValue(SegmentKind.KEEPALIVE_ACK),
                "the scenario has keep-alives and keep-alive ACKs to compare: " + ourLabels);
        assertEquals(ourLabels, tsharkLabels, "frame number -> label, ours vs tshark's");
    }
}
