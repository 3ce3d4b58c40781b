package org.keepalivelab.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The kernel's settings under {@code /proc/sys}. */
final class Sysctl {

    private Sysctl() {
    }

    /**
     * The value of {@code name} (e.g. {@code net/ipv4/tcp_fin_timeout}), or "" where this kernel has
     * none. Read line by line: these files report a size of 0, and {@code Files.readString} trusts it
     * and returns only the first character (seen with JDK 25).
     */
    static String read(String name) {
        try {
            var lines = Files.readAllLines(Path.of("/proc/sys", name));
            return lines.isEmpty() ? "" : lines.getFirst().strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Writes {@code value} to {@code name} in one {@code write(2)}, as the kernel's handlers parse what one
     * write brings; the file must exist (a name this kernel lacks is an error, not a new file).
     */
    static void write(String name, String value) throws IOException {
        Files.writeString(Path.of("/proc/sys", name), value + "\n", StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
