package org.keepalivelab.export;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.explain.RunExplanations;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabRun;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.Run;
import org.keepalivelab.lab.Script;
import org.keepalivelab.lab.ScriptStep;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelSettings;

/**
 * The event log, format 2, of a real run on the kernel: two connections, one whose client is killed
 * (the seed, shortened) and one severed with keep-alive on both sides. The detection records are
 * checked against the times worked out again from the log's own lines.
 */
class EventLogTest {
    @TempDir
    Path dir;

    private List<Map<String, Object>> play() throws Exception {
        LabRun.seedWith(KeepaliveSettings.OFF); // the lab's first run warms the JVM up, before any is timed
        var keepalive = new SocketSettings(KeepaliveSettings.of(2, 2, 3), 0);
        var settings = LabSettings.seed().withServer(keepalive).withClient(keepalive).withOrphanLifetime(5);
        var steps = Arrays.stream(new String[] {"0s:connect 2", "0.2s:send 5@all", "1s:kill@1", "1s:sever@2"})
                .map(ScriptStep::parse).toList();
        var file = dir.resolve("events.jsonl");
        var outcome = Run.play(settings, Isolation.HOST, new Script(steps, null, Duration.ofSeconds(30)),
                List.of(EventLog.sink(file, new RunExplanations())), new Run.Listener() {
                    @Override
                    public void started(Lab lab) {
                        lab.captureProblem().ifPresent(problem -> {
                            throw new AssertionError("This test needs the capture: " + problem);
                        });
                    }

                    @Override
                    public void wrote(Run.Written written) {
                    }
                });
        assertEquals(Script.Outcome.DONE, outcome);
        return JsonLines.read(file);
    }

    @Test
    void formatTwoOfARealRunWithDetectionsTheEventsConfirm() throws Exception {
        var lines = play();
        var header = lines.getFirst();
        var events = lines.stream().filter(l -> l.containsKey("t")).toList();
        var records = lines.subList(1 + events.size(), lines.size());
        @SuppressWarnings("unchecked")
        var sysctl = (Map<String, Object>) header.get("sysctl");
        var kernel = KernelSettings.read();
        assertAll(
                () -> assertEquals(2L, header.get("format")),
                () -> assertEquals("lab", header.get("source")),
                () -> assertEquals(AppVersion.version(), header.get("version")),
                () -> assertEquals((long) kernel.keepaliveTime(), sysctl.get("net.ipv4.tcp_keepalive_time")),
                () -> assertEquals((long) kernel.finTimeout(), sysctl.get("net.ipv4.tcp_fin_timeout")),
                () -> assertEquals((long) kernel.retries2(), sysctl.get("net.ipv4.tcp_retries2")),
                () -> assertTrue(lines.subList(1, 1 + events.size()).stream().allMatch(l -> l.containsKey("t")),
                        "the detections and stories come after the last event"),
                () -> assertEquals(List.of("detection", "story", "detection", "detection", "story"),
                        records.stream().map(r -> r.get("type")).toList()));

        var actions = events.stream().filter(l -> "action".equals(l.get("type"))).toList();
        assertAll(
                () -> assertTrue(actions.stream().allMatch(a -> a.containsKey("side"))),
                () -> assertEquals("client", action(actions, 1, "kill").get("side")),
                () -> assertEquals(null, action(actions, 2, "sever").get("side")),
                () -> assertEquals(null, action(actions, 1, "connect").get("side")));

        var probes = events.stream().filter(l -> "KEEPALIVE".equals(l.get("kind"))).toList();
        assertAll(
                () -> assertTrue(probes.stream().allMatch(p -> p.containsKey("answered") && p.containsKey("answeredBy"))),
                () -> assertEquals(List.of("KEEPALIVE_ACK", "KEEPALIVE_ACK", "RST"), probes.stream()
                        .filter(p -> p.get("conn").equals(1L) && p.get("dir").equals("s2c")).map(p -> p.get("answeredBy")).toList(),
                        "the orphan answers twice, then the probe draws RST"),
                () -> assertTrue(probes.stream().filter(p -> p.get("conn").equals(2L))
                        .allMatch(p -> Boolean.FALSE.equals(p.get("answered")) && p.get("answeredBy") == null)),
                () -> assertFalse(segmentsWithAnswers(events).stream().anyMatch(l -> !"KEEPALIVE".equals(l.get("kind"))),
                        "only probes carry answers"));

        var detections = records.stream().filter(r -> "detection".equals(r.get("type"))).toList();
        assertEquals(List.of("1 server kill client", "2 server sever null", "2 client sever null"), detections.stream()
                .map(d -> d.get("conn") + " " + d.get("side") + " " + d.get("fault") + " " + d.get("faultSide")).toList());
        for (var d : detections) {
            long conn = (Long) d.get("conn");
            String side = (String) d.get("side");
            assertAll(side + " of " + conn + ": " + d,
                    () -> assertEquals(DetectionsFromLog.faultT(lines, conn), d.get("faultT")),
                    () -> assertNotNull(d.get("kernelT")),
                    () -> assertEquals(DetectionsFromLog.kernelT(lines, conn, side), d.get("kernelT")),
                    () -> assertEquals(DetectionsFromLog.appT(lines, conn, side), d.get("appT")),
                    () -> assertEquals(DetectionsFromLog.nextReadT(lines, conn, side), d.get("nextReadT")));
        }
        assertAll(
                () -> assertEquals(null, detections.get(0).get("appT"), "the read-once server never reads again"),
                () -> assertEquals("EOF", detections.get(0).get("nextRead"), "what the lab's read for it returned"),
                () -> assertNotNull(detections.get(0).get("nextReadT")),
                () -> assertEquals(null, detections.get(0).get("appEvent")),
                () -> assertEquals("RST_RECEIVED", detections.get(0).get("kernelEvidence")),
                () -> assertEquals(null, detections.get(1).get("appT"), "the read-once server, severed, learns nothing"),
                () -> assertEquals("ERROR", detections.get(1).get("nextRead")),
                () -> assertEquals("Connection timed out", detections.get(1).get("nextReadMessage")),
                () -> assertEquals("ERROR", detections.get(2).get("appEvent")),
                () -> assertTrue(((String) records.get(1).get("text")).contains("drew a RST"), records.get(1)::toString),
                () -> assertTrue(((String) records.get(4).get("text")).contains("probes went unanswered: 3 probes"),
                        records.get(4)::toString));
    }

    private static Map<String, Object> action(List<Map<String, Object>> actions, long conn, String verb) {
        return actions.stream().filter(a -> a.get("conn").equals(conn) && verb.equals(a.get("action"))).findFirst()
                .orElseThrow();
    }

    private static List<Map<String, Object>> segmentsWithAnswers(List<Map<String, Object>> events) {
        var found = new ArrayList<Map<String, Object>>();
        events.stream().filter(l -> l.containsKey("answered")).forEach(found::add);
        return found;
    }
}
