package org.keepalivelab.linux;

import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * The kernel's TCP defaults that shape what the lab shows, read from {@code /proc/sys}: a socket that
 * does not set its own values gets these.
 *
 * @param release         the kernel's release; off Linux, the system's name and version
 * @param keepaliveProbes {@code net.ipv4.tcp_keepalive_probes}, the default keepalive count
 * @param finTimeout      {@code net.ipv4.tcp_fin_timeout}, seconds an orphan lives in FIN_WAIT2
 * @param retries2        {@code net.ipv4.tcp_retries2}, retransmissions before giving up
 */
public record KernelSettings(String release, int keepaliveTime, int keepaliveInterval, int keepaliveProbes,
                             int finTimeout, int retries2) {

    /** Reads the running kernel's values; -1 for one that cannot be read (off Linux, all of them). */
    public static KernelSettings read() {
        String release = Sysctl.read("kernel/osrelease");
        return new KernelSettings(
                release.isEmpty() ? System.getProperty("os.name") + " " + System.getProperty("os.version") : release,
                number("net/ipv4/tcp_keepalive_time"),
                number("net/ipv4/tcp_keepalive_intvl"),
                number("net/ipv4/tcp_keepalive_probes"),
                number("net/ipv4/tcp_fin_timeout"),
                number("net/ipv4/tcp_retries2"));
    }

    /**
     * Each TCP setting by its sysctl name under {@code net.ipv4.} ({@code tcp_keepalive_time}), in a
     * fixed order: the event log's {@code sysctl} object writes them in one loop.
     */
    public SequencedMap<String, Integer> sysctl() {
        var values = new LinkedHashMap<String, Integer>();
        values.put("tcp_keepalive_time", keepaliveTime);
        values.put("tcp_keepalive_intvl", keepaliveInterval);
        values.put("tcp_keepalive_probes", keepaliveProbes);
        values.put("tcp_fin_timeout", finTimeout);
        values.put("tcp_retries2", retries2);
        return values;
    }

    private static int number(String name) {
        try {
            return Integer.parseInt(Sysctl.read(name));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
