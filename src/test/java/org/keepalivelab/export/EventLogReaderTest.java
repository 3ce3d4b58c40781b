package org.keepalivelab.export;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.InTimeOrder;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.Timeline;

/**
 * The event log read back: a real run's log, written by {@link EventLog}, reads back into the lab's own
 * timeline event for event and its connections' settings and labels; the README's example reads; a
 * line that makes no sense stops the reading there with one sentence, what came before it kept.
 */
class EventLogReaderTest {
    private static final Path EXAMPLE = Path.of("docs", "event-log-example.jsonl");
    @TempDir
    Path dir;

    @Test
    void aRealRunsLogReadsBackIntoTheLabsTimelineEventForEvent() throws Exception {
        LabRun.seedWith(KeepaliveSettings.OFF); // warms the JVM up before the timers count
        var probing = new SocketSettings(KeepaliveSettings.of(1, 1, 2), 0);
        var steps = Arrays.stream(new String[] {"0s:connect", "0s:connect label=\"second one\" server-keepalive=1,1,2 "
                + "server-orphan-lifetime=7", "0s:connect label=forgotten client-keepalive=2,1,2", "0.1s:sever-idle 1 reset@3",
                "0.2s:send 5@all", "0.3s:reply 3@2", "1s:kill@1", "1s:sever c2s@2"}).map(ScriptStep::parse).toList();
        var settings = LabSettings.seed().withOrphanLifetime(5);
        var ran = new AtomicReference<Lab>();
        var outcome = Run.play(settings, Isolation.HOST, new Script(steps, null, Duration.ofSeconds(30)), List.of(),
                new Run.Listener() {
                    @Override
                    public void started(Lab lab) {
                        ran.set(lab);
                    }

                    @Override
                    public void wrote(Run.Written written) {
                    }
                });
        assertEquals(Script.Outcome.DONE, outcome);
        var lab = ran.get(); // closed: nothing is added to its timeline any more
        var file = dir.resolve("events.jsonl");
        EventLog.write(lab, file);

        var timeline = new Timeline();
        var run = EventLogReader.read(file, timeline);
        List<Event> expected = InTimeOrder.of(lab.timeline());
        assertEquals(Optional.empty(), run.problem());
        assertEquals(expected.size(), timeline.size(), "every event");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), timeline.get(i), "event " + i);
        }
        var kinds = expected.stream().map(e -> e.getClass().getSimpleName()).distinct().sorted().toList();
        assertEquals(List.of(ActionEvent.class, AppEvent.class, SegmentEvent.class, StateEvent.class).stream()
                .map(Class::getSimpleName).toList(), kinds, "the run made every kind of event");
        assertTrue(expected.stream().anyMatch(e -> e instanceof ActionEvent a && a.action().verb().equals("forget")),
                "the middlebox's forget, journaled by the lab, reads back too");
        var connections = new ArrayList<LoggedRun.Connection>();
        for (var conn : lab.connections()) {
            connections.add(new LoggedRun.Connection(conn.conn(), conn.clientPort(), conn.label(),
                    Optional.of(conn.settings())));
        }
        var kernel = KernelSettings.read();
        assertAll(
                () -> assertEquals(connections, run.connections(), "each connection's label and settings"),
                () -> assertEquals("lab", run.source()),
                () -> assertEquals(lab.clock().startEpochNanos(), run.startEpochNanos()),
                () -> assertEquals(lab.serverAddress().getPort(), run.serverPort()),
                () -> assertEquals(kernel, run.kernel(), "the kernel's settings, from the header"),
                () -> assertEquals(expected.getLast().t(), run.lastT()),
                () -> assertEquals(expected.size(), run.events()));
    }

    @Test
    void theReadmesExampleReads() throws Exception {
        var timeline = new Timeline();
        var run = EventLogReader.read(EXAMPLE, timeline);
        long lines = JsonLines.read(EXAMPLE).stream().filter(l -> l.containsKey("t")).count();
        var seen = timeline.snapshot();
        var first = run.connections().getFirst();
        assertAll(
                () -> assertEquals(Optional.empty(), run.problem()),
                () -> assertEquals(lines, timeline.size(), "every event, the detection and story passed over"),
                () -> assertEquals(List.of("connect", "send", "kill"), seen.stream().filter(ActionEvent.class::isInstance)
                        .map(e -> ((ActionEvent) e).action().verb()).toList()),
                () -> assertEquals(KeepaliveSettings.of(2, 2, KeepaliveSettings.KERNEL_DEFAULT_COUNT),
                        first.settings().orElseThrow().server().keepalive()),
                () -> assertEquals(5, first.settings().orElseThrow().orphanLifetimeSeconds()),
                () -> assertEquals(LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME,
                        first.settings().orElseThrow().serverOrphanLifetimeSeconds(), "older than the setting: the kernel's"),
                () -> assertEquals(60, run.kernel().finTimeout()),
                () -> assertEquals(-1, run.kernel().orphanRetries(), "not in this log"),
                () -> assertEquals(47218, first.clientPort()));
    }

    @Test
    void aClientPortIsReadWhereTheLogGivesOneAndRefusedWhereItIsNoPort() throws Exception {
        var lines = new ArrayList<>(Files.readAllLines(EXAMPLE));
        var file = dir.resolve("events.jsonl");
        lines.set(0, lines.getFirst().replace("\"clientPort\":47218,", ""));
        Files.write(file, lines);
        assertEquals(0, EventLogReader.read(file, new Timeline()).connections().getFirst().clientPort(),
                "a log from before the field");
        lines.set(0, lines.getFirst().replace("{\"conn\":1,", "{\"conn\":1,\"clientPort\":70000,"));
        Files.write(file, lines);
        var refused = assertThrows(EventLogReader.BadLogException.class, () -> EventLogReader.read(file, new Timeline()));
        assertEquals(file + ", line 1: connection 1's \"clientPort\" is 70000, not a port number, 1..65535.",
                refused.getMessage());
    }

    @Test
    void aLineThatMakesNoSenseIsOneSentenceAndWhatCameBeforeItIsKept() throws Exception {
        var lines = Files.readAllLines(EXAMPLE);
        assertAll(
                () -> assertProblem(lines, 7, "{\"t\":5,\"conn\":1,\"type\":\"segment\"", 5,
                        "line 7: the record does not end on its line ("),
                () -> assertProblem(lines, 4, "half a line lost in a crash", 2, "line 4: Unrecognized token 'half'"),
                () -> assertProblem(lines, 6, lines.get(5).replace("\"kind\":\"DATA\"", "\"kind\":\"JUNK\""), 4,
                        "line 6: a segment's \"kind\" is 'JUNK', not one of SYN,"),
                () -> assertProblem(lines, 3, lines.get(2).replace(",\"event\":\"CONNECTED\"", ""), 1,
                        "line 3: an application event's \"event\" is missing (it is a string)."),
                () -> assertProblem(lines, 5, lines.get(4).replace("\"args\":\"5\"", "\"args\":\"five\""), 3,
                        "line 5: the action 'send five' is not one the lab makes (send takes a byte count"));
    }

    private void assertProblem(List<String> lines, int line, String replacement, int before, String expected)
            throws Exception {
        var file = dir.resolve("cut-" + line + ".jsonl");
        var changed = new ArrayList<>(lines);
        changed.set(line - 1, replacement);
        Files.write(file, changed);
        var timeline = new Timeline();
        var run = EventLogReader.read(file, timeline);
        String problem = run.problem().orElseThrow();
        assertTrue(problem.startsWith(file + ", " + expected), problem);
        assertTrue(problem.endsWith(".") && !problem.contains("\n"), "one sentence: " + problem);
        assertEquals(before, timeline.size(), "the events before the line");
        assertEquals(before, run.events());
    }

    @Test
    void aFileThatIsNoEventLogIsRefusedInOneSentence() throws Exception {
        var notes = dir.resolve("notes.jsonl");
        Files.writeString(notes, "{\"type\":\"story\",\"conn\":1}\n");
        var refused = assertThrows(EventLogReader.BadLogException.class, () -> EventLogReader.read(notes, new Timeline()));
        assertEquals(notes + ", line 1: the first line is not the event log's header (\"type\":\"lab\").", refused.getMessage());
        Files.writeString(notes, "{\"type\":\"lab\",\"format\":1}\n");
        refused = assertThrows(EventLogReader.BadLogException.class, () -> EventLogReader.read(notes, new Timeline()));
        assertEquals(notes + ", line 1: the log is format 1; the lab reads format 2.", refused.getMessage());
    }
}
