package org.keepalivelab.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
