package org.keepalivelab.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.ScriptFile;
import org.keepalivelab.lab.ServerPolicy;
import picocli.CommandLine;

/** --script, the server's orphan lifetime and the new step forms as the command line takes them. */
class ScriptOptionsTest {
    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        var commandLine = LabCommand.commandLine();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        return commandLine.execute(args);
    }

    @Test
    void theCommandLinesOptionsOverrideTheFilesSettingsAndItsStepsJoinTheFiles() throws Exception {
        var file = Files.writeString(dir.resolve("run.script"), """
                server-keepalive 1,1,3
                server-policy read-close
                0s:connect label=from-file
                0.2s:send 5
                """);
        var command = new LabCommand();
        new CommandLine(command).parseArgs("--script", file.toString(), "--server-policy", "read-keep",
                "--server-orphan-lifetime", "7", "--at", "0.5s:kill", "server");

        var settings = command.settings(ScriptFile.read(file).settings());
        assertAll(
                () -> assertEquals(ServerPolicy.READ_KEEP, settings.serverPolicy(), "the command line's"),
                () -> assertEquals(KeepaliveSettings.of(1, 1, 3), settings.server().keepalive(), "the file's"),
                () -> assertEquals(7, settings.serverOrphanLifetimeSeconds()),
                () -> assertEquals("[0.5s:kill server]", command.steps.toString(), "two words, one step"));
    }

    @Test
    void aHeadlessRunPlaysTheFilesStepsWithTheOptionsSteps() throws Exception {
        var file = Files.writeString(dir.resolve("run.script"), """
                # the server goes first
                --server-keepalive=off
                0s:connect
                0.2s:send 5
                """);
        var out = dir.resolve("out");

        int status = run("--headless", "--script", file.toString(), "--at", "0.4s:abort", "server", "--until", "closed",
                "--timeout", "20s", "--out", out.toString());

        assertEquals(0, status, stderr::toString);
        var log = Files.readString(out.resolve("events.jsonl"));
        assertAll(
                () -> assertTrue(stdout.toString().contains("script: [0s:connect, 0.2s:send 5, 0.4s:abort server]"), stdout::toString),
                () -> assertTrue(log.contains("\"serverKeepalive\":{\"enabled\":false"), log),
                () -> assertTrue(log.contains("\"message\":\"Connection reset\""), "the client's read after the server's RST"));
    }

    @Test
    void aBadLineOfTheFileIsRefusedNamingTheFileAndLine() throws Exception {
        var file = Files.writeString(dir.resolve("bad.script"), "0s:connect\n1s:sever-idle 8 forget\n");

        assertEquals(2, run("--headless", "--script", file.toString(), "--out", dir.toString()));
        assertEquals(file + ":2: '1s:sever-idle 8 forget': sever-idle's middlebox drops or resets (drop|reset), not 'forget'",
                stderr.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void aMissingFileAndABadServerOrphanLifetimeAreRefusedInOneSentence() {
        assertEquals(2, run("--headless", "--script", dir.resolve("none.script").toString()));
        assertEquals(2, run("--headless", "--server-orphan-lifetime", "500"));
        var lines = stderr.toString().lines().toList();
        assertAll(
                () -> assertEquals("--script " + dir.resolve("none.script") + " does not exist.", lines.get(0)),
                () -> assertEquals("Invalid value for option '--server-orphan-lifetime': orphan lifetime must be 1..120 s, "
                        + "not 500 (or 0: the kernel's tcp_fin_timeout)", lines.get(2)));
    }
}
