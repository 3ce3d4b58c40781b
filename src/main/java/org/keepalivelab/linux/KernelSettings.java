package org.keepalivelab.linux;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * The kernel's TCP settings that shape what the lab shows, read from {@code /proc/sys} in this process's
 * network namespace: the lab's own where it has one ({@code --sysctl}, docs/privileges.md), else the
 * host's. A socket that does not set its own values gets these.
 *
 * @param release         the kernel's release; off Linux, the system's name and version
 * @param keepaliveProbes {@code net.ipv4.tcp_keepalive_probes}, the default keepalive count
 * @param finTimeout      {@code net.ipv4.tcp_fin_timeout}, seconds an orphan lives in FIN_WAIT2
 * @param retries2        {@code net.ipv4.tcp_retries2}, retransmissions before giving up
 * @param orphanRetries   {@code net.ipv4.tcp_orphan_retries}, retransmissions before an orphan gives up
 *                        (0 stands for 8 while the peer is alive: {@code tcp_orphan_retries} in
 *                        {@code net/ipv4/tcp_timer.c})
 * @param synRetries      {@code net.ipv4.tcp_syn_retries}, SYN retransmissions before connect fails
 */
public record KernelSettings(String release, int keepaliveTime, int keepaliveInterval, int keepaliveProbes,
                             int finTimeout, int retries2, int orphanRetries, int synRetries) {

    /** Reads the running kernel's values; -1 for one that cannot be read (off Linux, all of them). */
    public static KernelSettings read() {
        String release = Sysctl.read("kernel/osrelease");
        return new KernelSettings(
                release.isEmpty() ? System.getProperty("os.name") + " " + System.getProperty("os.version") : release,
                TcpSysctl.TCP_KEEPALIVE_TIME.read(),
                TcpSysctl.TCP_KEEPALIVE_INTVL.read(),
                TcpSysctl.TCP_KEEPALIVE_PROBES.read(),
                TcpSysctl.TCP_FIN_TIMEOUT.read(),
                TcpSysctl.TCP_RETRIES2.read(),
                TcpSysctl.TCP_ORPHAN_RETRIES.read(),
                TcpSysctl.TCP_SYN_RETRIES.read());
    }

    /** The value of {@code sysctl}, -1 where it could not be read. */
    public int value(TcpSysctl sysctl) {
        return switch (sysctl) {
            case TCP_KEEPALIVE_TIME -> keepaliveTime;
            case TCP_KEEPALIVE_INTVL -> keepaliveInterval;
            case TCP_KEEPALIVE_PROBES -> keepaliveProbes;
            case TCP_RETRIES2 -> retries2;
            case TCP_FIN_TIMEOUT -> finTimeout;
            case TCP_ORPHAN_RETRIES -> orphanRetries;
            case TCP_SYN_RETRIES -> synRetries;
        };
    }

    /**
     * Every sysctl the lab may set, by its full name ({@code net.ipv4.tcp_retries2}) in {@link TcpSysctl}'s
     * order, with its value (-1 where it could not be read): the event log's {@code sysctl} object.
     */
    public SequencedMap<String, Integer> sysctl() {
        var values = new LinkedHashMap<String, Integer>();
        for (var sysctl : TcpSysctl.values()) {
            values.put(sysctl.fullName(), value(sysctl));
        }
        return Collections.unmodifiableSequencedMap(values);
    }
}
