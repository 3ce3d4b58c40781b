package org.keepalivelab.export;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's example of the event log (docs/event-log-example.jsonl, a real headless run of the seed
 * shortened, trimmed) reads as format 2 says, and its detection agrees with its own events.
 */
class EventLogExampleTest {
    private static final Path EXAMPLE = Path.of("docs", "event-log-example.jsonl");

    @Test
    void theExampleReadsAsFormatTwo() {
        var lines = JsonLines.read(EXAMPLE);
        var header = lines.getFirst();
        var events = lines.stream().filter(l -> l.containsKey("t")).toList();
        var records = lines.subList(1 + events.size(), lines.size());
        var detection = records.getFirst();
        assertAll(
                () -> assertEquals("lab", header.get("type")),
                () -> assertEquals((long) EventLog.FORMAT, header.get("format")),
                () -> assertEquals(EventLog.SOURCE, header.get("source")),
                () -> assertTrue(header.get("sysctl") instanceof Map<?, ?> sysctl && sysctl.containsKey("tcp_fin_timeout")),
                () -> assertTrue(header.get("connections") instanceof List<?> all && all.getFirst() instanceof Map<?, ?> c
                        && c.get("clientPort") instanceof Long port && port > 0 && port <= 65_535, "the client's port"),
                () -> assertTrue(events.stream().filter(e -> "action".equals(e.get("type"))).allMatch(e -> e.containsKey("side"))),
                () -> assertEquals(List.of(true, true, true), events.stream().filter(e -> "KEEPALIVE".equals(e.get("kind")))
                        .map(e -> e.get("answered")).toList()),
                () -> assertEquals(List.of("detection", "story"), records.stream().map(r -> r.get("type")).toList()),
                () -> assertEquals(List.of("type", "conn", "side", "fault", "faultSide", "faultT", "kernelT", "appT",
                        "appEvent", "appMessage"), List.copyOf(detection.keySet()).subList(0, 10), "the issue's fields, in its order"),
                () -> assertEquals(DetectionsFromLog.faultT(lines, 1), detection.get("faultT")),
                () -> assertEquals(DetectionsFromLog.kernelT(lines, 1, "server"), detection.get("kernelT")),
                () -> assertEquals(DetectionsFromLog.appT(lines, 1, "server"), detection.get("appT")),
                () -> assertEquals(null, detection.get("appT"), "the read-once server never reads again"),
                () -> assertEquals("EOF", detection.get("nextRead")),
                () -> assertEquals(DetectionsFromLog.nextReadT(lines, 1, "server"), detection.get("nextReadT")),
                () -> assertTrue(((String) records.get(1).get("text")).startsWith("At 1.042 s the client's process was killed.")));
    }
}
