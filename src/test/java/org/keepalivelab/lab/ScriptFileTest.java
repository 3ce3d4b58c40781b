package org.keepalivelab.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --script file: steps and settings, one a line, comments; the first bad line named by file and number. */
class ScriptFileTest {
    @TempDir
    Path dir;

    @Test
    void aFileHoldsStepsAndSettingsInEitherFormWithComments() throws Exception {
        var file = dir.resolve("middlebox.script");
        Files.writeString(file, """
                # Two variants side by side.
                server-keepalive 5,5          # KEY VALUE
                --server-policy=read-close    # pasted from a command line
                orphan-lifetime = 3

                0s:connect label=every-5s
                0s:connect server-keepalive=12,3,3 label="every 12 s"
                0.2s:send 5@all
                """);

        var script = ScriptFile.read(file);
        var settings = script.settings().applyTo(LabSettings.seed());
        assertAll(
                () -> assertEquals(KeepaliveSettings.of(5, 5, KeepaliveSettings.KERNEL_DEFAULT_COUNT), settings.server().keepalive()),
                () -> assertEquals(ServerPolicy.READ_CLOSE, settings.serverPolicy()),
                () -> assertEquals(3, settings.orphanLifetimeSeconds()),
                () -> assertEquals(List.of("0s:connect label=every-5s", "0s:connect server-keepalive=12,3,3 label=\"every 12 s\"",
                        "0.2s:send 5@all"), script.steps().stream().map(ScriptStep::toString).toList()));
    }

    @Test
    void theFirstBadLineIsNamedByFileAndNumberInOneSentence() {
        assertAll(
                () -> assertEquals("run.script:2: keepalive idle must be 1..32767 s, not 0",
                        refusal("# settings", "server-keepalive 0,1")),
                () -> assertEquals("run.script:3: server-keepalive is given twice",
                        refusal("server-keepalive 5,5", "0s:connect", "--server-keepalive=1,1")),
                () -> assertEquals("run.script:1: orphan-lifetime needs a value: orphan-lifetime VALUE",
                        refusal("orphan-lifetime")),
                () -> assertEquals("run.script:2: '1s:kill nobody': kill takes client or server (default client), not 'nobody'",
                        refusal("0s:connect", "1s:kill nobody   # oops")),
                () -> assertEquals("run.script:1: 'keepalive 5,5' is neither a step (" + ScriptStep.FORM
                        + ") nor a setting (KEY VALUE; keys are " + Setting.keys() + ")", refusal("keepalive 5,5")));
    }

    @Test
    void aFileThatCannotBeReadSaysSo() {
        assertThrows(NoSuchFileException.class, () -> ScriptFile.read(dir.resolve("missing.script")));
    }

    private static String refusal(String... lines) {
        return assertThrows(IllegalArgumentException.class, () -> ScriptFile.parse("run.script", List.of(lines))).getMessage();
    }
}
