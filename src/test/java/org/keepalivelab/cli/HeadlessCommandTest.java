package org.keepalivelab.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ScriptFile;
import org.keepalivelab.lab.ServerPolicy;
import picocli.CommandLine;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The headless command as a user runs it: the exports it writes, a --script file with the options, and
 * one clear sentence for bad input.
 */
class HeadlessCommandTest {
    @TempDir
    Path out;

    private final CommandRun command = new CommandRun();

    @Test
    void scriptWritesTheEventLogWithItsHeaderAndThePcap() throws Exception {
        int status = command.run("--headless", "--server-keepalive", "1,1,3", "--at", "0s:connect", "--at", "0.2s:send", "5",
                "--at", "0.5s:abort", "--server-policy", "read-close", "--until", "closed", "--timeout", "20s",
                "--out", out.toString());

        assertEquals(0, status, command.stderr::toString);
        List<String> lines = Files.readAllLines(out.resolve("events.jsonl"));
        var header = fields(lines.getFirst());
        var pcap = ByteBuffer.wrap(Files.readAllBytes(out.resolve("capture.pcap"))).order(ByteOrder.LITTLE_ENDIAN);
        assertAll(
                () -> assertEquals("lab", header.get(1)),
                () -> assertTrue(lines.getFirst().contains("\"format\":2"), lines.getFirst()),
                () -> assertTrue(lines.getFirst().contains("\"serverPolicy\":\"read-close\""), lines.getFirst()),
                () -> assertTrue(lines.getFirst().contains("\"serverKeepalive\":{\"enabled\":true,\"idle\":1,\"interval\":1,\"count\":3"),
                        lines.getFirst()),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"RST\"")), "the abort's RST"),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\"message\":\"Connection reset\"")), "the server's error"),
                () -> assertTrue(command.stdout.toString().contains("Connection 1\n  server learned after "), command.stdout::toString),
                () -> assertTrue(command.stdout.toString().contains("The server's socket reported 'Connection reset' (ECONNRESET)"),
                        command.stdout::toString),
                () -> assertEquals(0xa1b23c4d, pcap.getInt(0), "pcap with nanosecond stamps"),
                () -> assertEquals(101, pcap.getInt(20), "raw IP link type"),
                () -> assertTrue(Files.list(out).allMatch(f -> !f.getFileName().toString().endsWith(".part")),
                        "no temporary file left"));
    }

    @Test
    void eventsAreInTimeOrder() throws Exception {
        assertEquals(0, command.run("--headless", "--until", "1s", "--out", out.toString()), command.stderr::toString);
        var lines = Files.readAllLines(out.resolve("events.jsonl"));
        long previous = Long.MIN_VALUE;
        for (var line : lines.subList(1, lines.size()).stream().filter(l -> l.startsWith("{\"t\":")).toList()) {
            long t = Long.parseLong(line.substring("{\"t\":".length(), line.indexOf(',')));
            assertTrue(t >= previous, line);
            previous = t;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--server-keepalive=0,1        | keepalive idle must be 1..32767 s, not 0",
        "--client-keepalive=5,5,200    | keepalive count must be 1..127, not 200",
        "--orphan-lifetime=500         | orphan lifetime must be 1..120 s, not 500",
        "--server-policy=read-never    | server policy must be one of read-once, read-close, read-keep",
        "--at=1s:explode               | unknown action 'explode'",
        "--at=soon:kill                | 'soon' is not a duration",
        "--server-user-timeout=-5      | TCP_USER_TIMEOUT must be 0..2147483647 ms, not -5",
        "--at=1s:kill@0                | connections are numbered from 1",
        "--at=1s:kill@99999999999      | is not a step",
        "--timeout=99999999999999m     | is longer than a lab can run",
        "--timeout=0s                  | the timeout must be longer than 0 (a number and a unit, ms, s or m",
        "--until=foo                   | 'foo' is neither closed (stop once every connection has ended) nor a time (a number and a unit, ms, s or m",
        "--until=0ms                   | --until's time must be longer than 0",
        "--at=0.2s:send 99999999999    | send takes a byte count, 1..16777216",
        "--at=0.2s:reply 0             | reply takes a byte count, 1..16777216",
        "--sysctl=tcp_retries2=256     | net.ipv4.tcp_retries2 must be 0..255, not 256",
        "--sysctl=tcp_syn_retries=0    | net.ipv4.tcp_syn_retries must be 1..127, not 0",
        "--sysctl=net.ipv4.tcp_fin_timeout=-1 | net.ipv4.tcp_fin_timeout must be 0..2147483 s, not -1",
        "--sysctl=tcp_rmem=4096        | the lab cannot set 'tcp_rmem': it sets tcp_keepalive_time, tcp_keepalive_intvl",
        "--sysctl=tcp_retries2         | 'tcp_retries2' is not NAME=VALUE, as in tcp_retries2=5",
    })
    void badInputIsRefusedWithOneClearSentence(String option, String expected) {
        int status = command.run("--headless", option, "--out", out.toString());

        assertEquals(2, status);
        assertTrue(command.stderr.toString().contains(expected), command.stderr::toString);
        assertTrue(command.stderr.toString().lines().count() <= 2, command.stderr::toString);
    }

    /** As root the lab would run in the host's namespace with --no-namespace: it refuses, and writes nothing. */
    @Test
    void sysctlWithoutANamespaceIsRefusedBeforeAnythingStarts() throws Exception {
        var before = Files.readAllLines(Path.of("/proc/sys/net/ipv4/tcp_retries2")); // by line: the file says its size is 0
        int status = command.run("--headless", "--no-namespace", "--sysctl", "tcp_retries2=4", "--out", out.toString());

        assertEquals(2, status);
        assertTrue(command.stderr.toString().startsWith("--sysctl refused: The lab's TCP settings (--sysctl) are those of a "
                + "network namespace of its own, and --no-namespace keeps it in this process's: run Keepalive Lab "
                + "without --no-namespace."), command.stderr::toString);
        assertEquals(before, Files.readAllLines(Path.of("/proc/sys/net/ipv4/tcp_retries2")), "the host's value");
        assertTrue(Files.notExists(out.resolve("events.jsonl")), "nothing ran");
    }

    @Test
    void outThatIsAFileIsRefused() {
        int status = command.run("--headless", "--out", "/proc/self/status");

        assertEquals(2, status);
        assertTrue(command.stderr.toString().startsWith("--out /proc/self/status is a file: give a directory"),
                command.stderr::toString);
    }

    @Test
    void orphanLifetimeZeroIsTheKernelsDefault() throws Exception {
        assertEquals(0, command.run("--headless", "--orphan-lifetime", "0", "--until", "0.3s", "--out", out.toString()),
                command.stderr::toString);
        assertTrue(Files.readString(out.resolve("events.jsonl")).contains("\"orphanLifetimeIsKernelDefault\":true"));
    }

    @Test
    void aLabStillRunningAtTheTimeoutEndsWithStatus4AndItsExports() throws Exception {
        // The seed's read-once server never ends by itself while its client lives.
        int status = command.run("--headless", "--at", "0s:connect", "--at", "0.2s:send 5", "--timeout", "0.5s",
                "--out", out.toString());

        assertEquals(4, status);
        assertTrue(command.stderr.toString().startsWith("Stopped at the timeout (0.5s)"), command.stderr::toString);
        assertTrue(Files.exists(out.resolve("events.jsonl")));
    }

    @Test
    void aRefusedActionIsNotRecordedAsDone() throws Exception {
        int status = command.run("--headless", "--at", "0s:connect", "--at", "0.2s:kill", "--at", "0.4s:kill", "--out", out.toString());

        assertEquals(3, status);
        assertEquals("Connection 1: cannot kill, the client no longer holds its socket.", command.stderr.toString().strip());
        assertEquals(1, Files.readAllLines(out.resolve("events.jsonl")).stream()
                .filter(line -> line.contains("\"action\":\"kill\"")).count(), "the kill that happened, once");
    }

    @Test
    void aStepOnAConnectionThatDoesNotExistFailsTheRunButKeepsWhatWasRecorded() throws Exception {
        int status = command.run("--headless", "--at", "0s:connect", "--at", "0.1s:kill@2", "--out", out.toString());

        assertEquals(3, status);
        assertEquals("There is no connection 2.", command.stderr.toString().strip());
        assertTrue(Files.readString(out.resolve("events.jsonl")).contains("\"kind\":\"SYN\""));
    }

    @Test
    void theCommandLinesOptionsOverrideTheFilesSettingsAndItsStepsJoinTheFiles() throws Exception {
        var file = Files.writeString(out.resolve("run.script"), """
                server-keepalive 1,1,3
                server-policy read-close
                0s:connect label=from-file
                0.2s:send 5
                """);
        var command = new LabCommand();
        new CommandLine(command).parseArgs("--script", file.toString(), "--server-policy", "read-keep",
                "--server-orphan-lifetime", "7", "--at", "0.5s:kill", "server");

        var settings = command.settings(LabSettings.seed(), ScriptFile.read(file).settings());
        assertAll(
                () -> assertEquals(ServerPolicy.READ_KEEP, settings.serverPolicy(), "the command line's"),
                () -> assertEquals(KeepaliveSettings.of(1, 1, 3), settings.server().keepalive(), "the file's"),
                () -> assertEquals(7, settings.serverOrphanLifetimeSeconds()),
                () -> assertEquals("[0.5s:kill server]", command.steps.toString(), "two words, one step"));
    }

    @Test
    void aHeadlessRunPlaysTheFilesStepsWithTheOptionsSteps() throws Exception {
        var file = Files.writeString(out.resolve("run.script"), """
                # the server goes first
                --server-keepalive=off
                0s:connect
                0.2s:send 5
                """);

        int status = command.run("--headless", "--script", file.toString(), "--at", "0.4s:abort", "server", "--until", "closed",
                "--timeout", "20s", "--out", out.resolve("exports").toString());

        assertEquals(0, status, command.stderr::toString);
        var log = Files.readString(out.resolve("exports").resolve("events.jsonl"));
        assertAll(
                () -> assertTrue(command.stdout.toString().contains("script: [0s:connect, 0.2s:send 5, 0.4s:abort server]"), command.stdout::toString),
                () -> assertTrue(log.contains("\"serverKeepalive\":{\"enabled\":false"), log),
                () -> assertTrue(log.contains("\"message\":\"Connection reset\""), "the client's read after the server's RST"));
    }

    /**
     * A reset middlebox forgets after 1 s of silence; the server's first probe (idle 2 s) is dropped and answered
     * with the forged pair: the event log says the middlebox answered it, as the story does.
     */
    @Test
    void aProbeTheResetMiddleboxAnsweredIsAnsweredByTheMiddleboxInTheEventLog() throws Exception {
        int status = command.run("--headless", "--server-policy", "read-keep", "--server-keepalive", "2,1,3",
                "--at", "0s:connect", "--at", "0.2s:send", "5", "--at", "0.3s:sever-idle", "1", "reset",
                "--until", "closed", "--timeout", "20s", "--out", out.toString());

        assertEquals(0, status, command.stderr::toString);
        var probes = Files.readAllLines(out.resolve("events.jsonl")).stream()
                .filter(l -> l.contains("\"kind\":\"KEEPALIVE\"")).toList();
        assertAll(
                () -> assertEquals(1, probes.size(), probes::toString),
                () -> assertTrue(probes.getFirst().contains("\"dropped\":true"), probes::toString),
                () -> assertTrue(probes.getFirst().contains("\"answered\":true,\"answeredBy\":\"MIDDLEBOX\""),
                        probes::toString),
                () -> assertTrue(command.stdout.toString().contains("the middlebox, which had forgotten the connection, "
                        + "dropped it and answered with a RST to each end"), command.stdout::toString));
    }

    @Test
    void aBadLineOfTheFileIsRefusedNamingTheFileAndLine() throws Exception {
        var file = Files.writeString(out.resolve("bad.script"), "0s:connect\n1s:sever-idle 8 forget\n");

        assertEquals(2, command.run("--headless", "--script", file.toString(), "--out", out.toString()));
        assertEquals(file + ":2: '1s:sever-idle 8 forget': sever-idle's middlebox drops or resets (drop|reset), not 'forget'",
                command.stderr.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void aMissingFileAndABadServerOrphanLifetimeAreRefusedInOneSentence() {
        assertEquals(2, command.run("--headless", "--script", out.resolve("none.script").toString()));
        assertEquals(2, command.run("--headless", "--server-orphan-lifetime", "500"));
        var lines = command.stderr.toString().lines().toList();
        assertAll(
                () -> assertEquals("--script " + out.resolve("none.script") + " does not exist.", lines.get(0)),
                () -> assertEquals("Invalid value for option '--server-orphan-lifetime': orphan lifetime must be 1..120 s, "
                        + "not 500 (or 0: the kernel's tcp_fin_timeout)", lines.get(2)));
    }

    /** The first few scalar values of a JSON object, read with the streaming parser. */
    private static List<String> fields(String json) {
        try (var parser = new JsonFactory().createParser(json)) {
            var values = new ArrayList<String>();
            for (var token = parser.nextToken(); token != null && values.size() < 6; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME || token.isScalarValue()) {
                    values.add(parser.getString());
                }
            }
            return values;
        }
    }
}
