package org.keepalivelab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wireshark's dissector on a pcap we wrote: an independent reading to hold our capture against. CI
 * installs tshark (Debian's package); without it a test that asks fails and says so.
 */
public final class Tshark {
    private Tshark() {
    }

    /**
     * One line per frame of {@code pcap}: {@code fields}, tab-separated, each empty where tshark has none.
     *
     * @param preferences tshark's {@code -o} settings, {@code name:value}
     * @param dir         where tshark's output goes
     */
    public static List<String> fields(Path pcap, Path dir, List<String> preferences, List<String> fields)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("tshark", "-r", pcap.toString(), "-T", "fields"));
        preferences.forEach(preference -> command.addAll(List.of("-o", preference)));
        fields.forEach(field -> command.addAll(List.of("-e", field)));
        var output = Files.createTempFile(dir, "tshark", ".txt");
        Process tshark;
        try {
            tshark = new ProcessBuilder(command)
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("This test needs tshark: apt-get install tshark (CI's .ci/run does)", e);
        }
        assertEquals(0, tshark.waitFor(), "tshark's exit status");
        return new ArrayList<>(Files.readAllLines(output));
    }
}
