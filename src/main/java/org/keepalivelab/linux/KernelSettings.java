package org.keepalivelab.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's TCP defaults that shape what the lab shows, read from {@code /proc/sys}: a socket that
 * does not set its own values gets these.
 *
 * @param keepaliveProbes {@code net.ipv4.tcp_keepalive_probes}, the default keepalive count
 * @param finTimeout      {@code net.ipv4.tcp_fin_timeout}, seconds an orphan lives in FIN_WAIT2
 * @param retries2        {@code net.ipv4.tcp_retries2}, retransmissions before giving up
 */
public record KernelSettings(String release, int keepaliveTime, int keepaliveInterval, int keepaliveProbes,
                             int finTimeout, int retries2) {

    /** Reads the running kernel's values; -1 for one that cannot be read. */
    public static KernelSettings read() {
        return new KernelSettings(
                text("/proc/sys/kernel/osrelease"),
                number("/proc/sys/net/ipv4/tcp_keepalive_time"),
                number("/proc/sys/net/ipv4/tcp_keepalive_intvl"),
                number("/proc/sys/net/ipv4/tcp_keepalive_probes"),
                number("/proc/sys/net/ipv4/tcp_fin_timeout"),
                number("/proc/sys/net/ipv4/tcp_retries2"));
    }

    private static String text(String path) {
        try {
            // readAllLines, not readString: /proc files report size 0, and some readers trust it.
            return Files.readAllLines(Path.of(path)).getFirst().strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static int number(String path) {
        try {
            return Integer.parseInt(text(path));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
